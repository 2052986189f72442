namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// Every page of the site is valid HTML for the W3C's Nu Html Checker (the one an RGAA audit runs), and its shared
/// parts are the partials' current text (<c>node site/scripts/layout.mjs</c> was run after editing one).
/// </summary>
public sealed class HtmlValidityTests(CheckedSite checkedSite) : IClassFixture<CheckedSite>
{
    [Fact]
    public void The_site_has_its_pages()
    {
        var pages = SitePages.All();

        Assert.Contains("site/index.html", pages);
        Assert.Contains("site/demande.html", pages);
        Assert.Contains("site/404.html", pages);
        Assert.Contains("site/conseiller/index.html", pages);
        Assert.DoesNotContain(pages, page => page.StartsWith("site/scripts/", StringComparison.Ordinal) || page.Contains("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_passes_the_Nu_Html_Checker()
    {
        var aboutPages = checkedSite.Messages.Where(m => !m.Contains(checkedSite.ControlPage, StringComparison.Ordinal)).ToList();

        Assert.True(aboutPages.Count == 0, $"The Nu Html Checker reports:\n{string.Join('\n', aboutPages)}");
    }

    [Fact]
    public void The_checker_reports_an_invalid_page_with_its_message()
    {
        Assert.NotEqual(0, checkedSite.Run.ExitCode);
        var message = Assert.Single(checkedSite.Messages, m => m.Contains(checkedSite.ControlPage, StringComparison.Ordinal));
        Assert.Contains("error: The “aria-labelledby” attribute must not be specified on any “div” element", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_the_current_partials()
    {
        var run = await CommandLine.RunAsync("node", [Path.Combine("site", "scripts", "layout.mjs"), "--check"], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"Pages out of date with site/scripts/partials (run node site/scripts/layout.mjs):\n{run.StandardError}{run.StandardOutput}");
    }
}
