using System.Diagnostics;
using System.Text.Json;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConseillersEntreprises.E2E.Tests.Pages;

/// <summary>
/// Lighthouse (npm, mobile preset, simulated throttling, Debian's Chromium: <c>tools/local/lighthouse.mjs</c>) on the
/// home page and the need form: accessibility, best practices and SEO at 100, no layout shift (CLS under 0.1), a meta
/// description. Performance is printed, not asserted: on a shared 2-core machine it measures the machine's load as
/// much as the page (<c>scripts/lighthouse.sh</c> measures every page, the README has its figures).
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class LighthouseTests(E2EApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task The_home_page_and_the_form_score_100_in_accessibility_best_practices_and_seo_without_layout_shift()
    {
        var json = Path.Combine(Path.GetTempPath(), $"ce-lighthouse-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, log) = await RunAsync(json);
            Assert.True(exitCode == 0, $"lighthouse.mjs exited with {exitCode}:\n{log}");
            output.WriteLine(log);

            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var pages = results.RootElement.EnumerateArray().ToList();
            Assert.Equal(["accueil", "demande"], pages.Select(p => p.GetProperty("page").GetString()));
            foreach (var page in pages)
            {
                var name = page.GetProperty("page").GetString();
                Assert.True(page.GetProperty("runtimeError").ValueKind == JsonValueKind.Null, $"{name}: Lighthouse could not measure the page: {page.GetProperty("runtimeError")}");
                Assert.True(page.GetProperty("failedAudits").GetArrayLength() == 0, $"{name}: failed audits {page.GetProperty("failedAudits")}");
                Assert.Equal(100, page.GetProperty("accessibility").GetInt32());
                Assert.Equal(100, page.GetProperty("bestPractices").GetInt32());
                Assert.Equal(100, page.GetProperty("seo").GetInt32());
                Assert.True(page.GetProperty("cls").GetDouble() < 0.1, $"{name}: CLS {page.GetProperty("cls")}");
                Assert.True(page.GetProperty("metaDescription").GetBoolean(), $"{name} has no meta description");
            }
        }
        finally
        {
            File.Delete(json);
        }
    }

    private async Task<(int ExitCode, string Log)> RunAsync(string json)
    {
        var root = E2EEnvironment.RepositoryRoot;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(root, "tools", "local", "lighthouse.mjs"), app.BaseUrl.ToString(), "--pages", "accueil,demande", "--json", json })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CHROME_PATH"] = E2EEnvironment.ChromiumPath;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("lighthouse.mjs took over 3 minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
