namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// One run of the Nu Html Checker (one JVM, several seconds on a loaded machine) over every page of the site and a
/// control page with a known error, shared by the tests that read its messages.
/// </summary>
public sealed class CheckedSite : IAsyncLifetime
{
    private readonly string _control = Path.Combine(Path.GetTempPath(), $"ce-invalid-{Guid.NewGuid():N}.html");
    private CommandRun? _run;

    /// <summary>The control page's path as the checker names it (<c>"file:/tmp/…"</c>).</summary>
    public string ControlPage => _control;

    public IReadOnlyList<string> Pages { get; } = SitePages.All();

    public CommandRun Run => _run ?? throw new InvalidOperationException("Not checked yet.");

    /// <summary>The checker's messages (<c>--format gnu</c>: one a line, each starting with the file it is about).</summary>
    public IReadOnlyList<string> Messages => [.. (Run.StandardError + Run.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public async Task InitializeAsync()
    {
        // The error the need form once had: a label given to a plain div, which has no role to carry it.
        await File.WriteAllTextAsync(_control, """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Page</title></head>
            <body><div aria-labelledby="t"><h2 id="t">Titre</h2></div></body></html>
            """);
        _run = await NuHtmlChecker.CheckAsync([.. Pages, _control]);
    }

    public Task DisposeAsync()
    {
        File.Delete(_control);
        return Task.CompletedTask;
    }
}
