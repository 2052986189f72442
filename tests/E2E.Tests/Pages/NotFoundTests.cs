using System.Net;
using System.Text.Json;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Pages;

/// <summary>
/// An address nobody serves: a page gets the site's "Page introuvable" (404.html) with status 404, as the static website
/// answers on Azure; an API route keeps its French JSON problem document.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class NotFoundTests(E2EApp app)
{
    [Theory]
    [InlineData("/cette-page-n-existe-pas")]
    [InlineData("/dossier/inconnu.html")]
    [InlineData("/conseiller/nulle-part")]
    public async Task An_unknown_page_shows_the_site_404_page_with_status_404(string path)
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;

        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Page introuvable");
        await Assertions.Expect(page).ToHaveTitleAsync("Page introuvable – Conseillers-Entreprises");
        // The page's stylesheet and links are absolute: they hold at any depth.
        Assert.Equal("fr-header", await page.Locator("header").GetAttributeAsync("class"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Page d'accueil" })).ToHaveAttributeAsync("href", "/");
        await Screenshots.SaveAsync(page, "50-page-introuvable");
        await Accessibility.AssertNoViolationsAsync(page, $"404 page for {path}");
        browser.AssertHealthy();
    }

    [Fact]
    public async Task A_head_request_for_an_unknown_page_is_404_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/inconnue");
        using var response = await app.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/nulle-part")]
    [InlineData("/api/needs/inconnu/plus-loin")]
    public async Task An_unknown_api_route_gives_a_json_404_problem(string path)
    {
        using var response = await app.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Introuvable", problem.GetProperty("title").GetString());
        Assert.Contains("n'existe pas", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
