using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConseillersEntreprises.App.Managers;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The antenna manager's page, from the weekly digest's link: the need awaiting its team is highlighted and focused;
/// the antennas' stats follow the list; once the advisor takes it on the page says so; a tampered link leads to the sign-in form, whose emailed link opens
/// the page again.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class ManagerPageTests(E2EApp app)
{
    [Fact]
    public async Task The_digest_link_opens_the_antennas_needs_and_the_page_follows_the_teams_answer()
    {
        var company = app.NewCompany(c => c.Name = "BOULANGERIE DU GRAVIER");
        var advisor = app.Directory.Solo;
        var needId = await app.SubmitNeedAsync(TestDirectory.SoloSubject, company.Siret, app.CompanyEmail("responsable"),
            "Nos charges sociales du trimestre arrivent alors qu'un client important ne nous a toujours pas payés.");
        var newNeed = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need");

        await app.Host.Services.GetRequiredService<ManagerDigest>().RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        var digest = await app.Mailbox.WaitForAsync(app.Directory.ManagerEmail, e => e.Subject.Contains("sans réponse dans vos antennes", StringComparison.Ordinal) && e.Mentions(needId), "digest");

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(Links.WithNeed(digest.LinkTo(app.BaseUrl, "responsable/"), needId));
        var highlight = page.GetByTestId("manager-highlight");
        await Expect(highlight).ToBeFocusedAsync();
        await Expect(highlight).ToContainTextAsync("BOULANGERIE DU GRAVIER");
        await Expect(highlight).ToContainTextAsync("Sans réponse de l'équipe");
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("manager-scope")).ToContainTextAsync("Urssaf Lot-et-Garonne (Urssaf)");
        var row = page.Locator($"[data-testid='manager-row'][data-need-id='{needId}']");
        await Expect(row).ToHaveAttributeAsync("aria-current", "true");
        await Expect(row.GetByTestId("manager-antenna-status")).ToHaveTextAsync("Sans réponse de l'équipe");
        // Under the list, the antennas' stats over the last 12 months: the figures the API gives the same link.
        var managerToken = Links.FragmentValue(digest.LinkTo(app.BaseUrl, "responsable/"), "jeton");
        var totals = await ManagerTotalsAsync(managerToken);
        Assert.True(totals.GetProperty("submitted").GetInt32() >= 1, "the need sent to the antenna counts in its stats");
        var submitted = page.GetByTestId("manager-figures").GetByTestId("figure-submitted");
        await Expect(submitted).ToHaveAttributeAsync("data-count", totals.GetProperty("submitted").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("manager-figures").GetByTestId("figure-transmitted")).ToHaveAttributeAsync("data-count", totals.GetProperty("transmitted").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("manager-by-theme").Locator("[data-testid='breakdown-row']").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("manager-antenna")).ToHaveValueAsync("urssaf-47");
        await Screenshots.SaveAsync(page, "50-responsable-besoins");
        await Accessibility.AssertNoViolationsAsync(page, "the manager's page opened from the digest");

        // The advisor takes it on: the page, reloaded, says so, and the need leaves "sans réponse".
        using var advisorApi = new HttpClient { BaseAddress = app.BaseUrl };
        advisorApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Links.FragmentValue(newNeed.LinkTo(app.BaseUrl, "conseiller/besoin.html"), "jeton"));
        Assert.Equal(HttpStatusCode.OK, (await advisorApi.PostAsJsonAsync($"/api/advisor/needs/{needId}/position", new { status = "taking_care" })).StatusCode);
        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(row.GetByTestId("manager-antenna-status")).ToHaveTextAsync("Pris en charge");
        await page.Locator("label[for=only-awaiting]").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("manager-count")).ToContainTextAsync("sans réponse de votre équipe");
        browser.AssertHealthy();

        // A tampered link: the sign-in form says why; the link it sends opens the page.
        await using var other = await app.OpenBrowserAsync();
        await other.GotoAsync("/responsable/#jeton=abc.def.ghi");
        await Expect(other.Page.GetByTestId("manager-sign-in")).ToBeVisibleAsync();
        await Expect(other.Page.Locator("#manager-alert")).ToContainTextAsync("Lien expiré ou non valide");
        await other.Page.Locator("#email").FillAsync(app.Directory.ManagerEmail);
        await other.Page.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(other.Page.GetByTestId("sign-in-sent")).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(other.Page, "the manager's sign-in form after a tampered link");
        var fresh = await app.Mailbox.WaitForAsync(app.Directory.ManagerEmail, e => e.Subject.StartsWith("Votre lien d'accès aux besoins", StringComparison.Ordinal), "fresh link");
        other.AssertHealthy();
        await using var fromEmail = await app.OpenBrowserAsync();
        await fromEmail.GotoAsync(fresh.LinkTo(app.BaseUrl, "responsable/"));
        await Expect(fromEmail.Page.Locator($"[data-testid='manager-row'][data-need-id='{needId}']")).ToBeVisibleAsync();
        await Expect(fromEmail.Page).ToHaveTitleAsync(new Regex("^Besoins de mes antennes"));
        fromEmail.AssertHealthy();
    }

    private async Task<JsonElement> ManagerTotalsAsync(string token)
    {
        using var managerApi = new HttpClient { BaseAddress = app.BaseUrl };
        managerApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var stats = JsonDocument.Parse(await managerApi.GetStringAsync(new Uri("/api/manager/stats", UriKind.Relative)));
        return stats.RootElement.GetProperty("totals").Clone();
    }
}
