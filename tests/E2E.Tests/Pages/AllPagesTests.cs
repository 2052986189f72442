using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Pages;

/// <summary>
/// Every HTML page of site/, found on disk (a new page is covered without changing this test), opened as a visitor
/// with no link or session: axe finds nothing, there is a skip link, scripts run without error, and a screenshot is kept.
/// The states reached with links and forms are checked by the flow tests.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class AllPagesTests(E2EApp app)
{
    public static TheoryData<string> SitePagePaths()
    {
        var site = Path.Combine(E2EEnvironment.RepositoryRoot, "site");
        var ignored = new[] { "node_modules", "vendor", "scripts" };
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(site, file).Replace('\\', '/');
            if (!ignored.Any(i => relative.StartsWith(i + "/", StringComparison.Ordinal)))
            {
                data.Add("/" + relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SitePagePaths))]
    public async Task Every_page_passes_axe_and_has_a_skip_link(string path)
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        try
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }
        catch (PlaywrightException e) when (e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal))
        {
            // The page sent the visitor elsewhere at once (a page that needs a link): check where it landed.
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Screenshots.SaveAsync(page, "30-page" + path.Replace(".html", string.Empty, StringComparison.Ordinal).Replace('/', '-').TrimEnd('-'));
        await Accessibility.AssertNoViolationsAsync(page, $"{path} (landed on {new Uri(page.Url).PathAndQuery})");
        Assert.True(await page.Locator("a[href='#contenu']").CountAsync() > 0, $"{path} has a skip link to #contenu");
        Assert.Equal(1, await page.Locator("#contenu").CountAsync());
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        browser.AssertHealthy();
    }
}
