namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// Every page of the site is valid HTML for the W3C's Nu Html Checker (the one an RGAA audit runs), and its shared
/// parts are the partials' current text (<c>node site/scripts/layout.mjs</c> was run after editing one).
/// </summary>
public sealed class HtmlValidityTests
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
    public async Task Every_page_passes_the_Nu_Html_Checker()
    {
        var run = await NuHtmlChecker.CheckAsync(SitePages.All());

        Assert.True(run.ExitCode == 0, $"The Nu Html Checker reports (exit {run.ExitCode}):\n{run.StandardError}{run.StandardOutput}");
    }

    [Fact]
    public async Task The_checker_reports_an_invalid_page_with_its_message()
    {
        // The error the need form once had: a label given to a plain div, which has no role to carry it.
        var page = Path.Combine(Path.GetTempPath(), $"ce-invalid-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Page</title></head>
            <body><div aria-labelledby="t"><h2 id="t">Titre</h2></div></body></html>
            """);
        try
        {
            var run = await NuHtmlChecker.CheckAsync([page]);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("“aria-labelledby” attribute must not be specified on any “div” element", run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public async Task Every_page_carries_the_current_partials()
    {
        var run = await CommandLine.RunAsync("node", [Path.Combine("site", "scripts", "layout.mjs"), "--check"], TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"Pages out of date with site/scripts/partials (run node site/scripts/layout.mjs):\n{run.StandardError}{run.StandardOutput}");
    }
}
