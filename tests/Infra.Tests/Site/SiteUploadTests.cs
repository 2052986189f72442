namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// azure.yaml's postdeploy copies site/ into .azure/site before uploading it: run here as written (its copy command,
/// into a temporary folder), it must keep every page and asset browsers load, responsable/ included, and leave out
/// what they never load (site/README.md: node_modules, the build scripts, the package files, .dsfr.yml, the README).
/// </summary>
public sealed class SiteUploadTests
{
    [Fact]
    public async Task The_deployment_uploads_the_pages_and_assets_and_nothing_of_the_build()
    {
        var copy = CopyCommand();
        var target = Path.Combine(Path.GetTempPath(), $"ce-site-upload-{Guid.NewGuid():N}");
        Directory.CreateDirectory(target);
        try
        {
            var run = await CommandLine.RunAsync("sh", ["-c", copy.Replace(".azure/site", target, StringComparison.Ordinal)], TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, run.StandardError);

            var uploaded = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(target, file).Replace('\\', '/'))
                .ToHashSet(StringComparer.Ordinal);
            Assert.All(SitePages.All(), page => Assert.Contains(page["site/".Length..], uploaded));
            Assert.Contains("responsable/index.html", uploaded);
            Assert.Contains("js/responsable.js", uploaded);
            Assert.Contains("js/config.js", uploaded);
            Assert.Contains("site.css", uploaded);
            Assert.Contains("rapport-annuel.css", uploaded);
            Assert.DoesNotContain(uploaded, file =>
                file.StartsWith("node_modules/", StringComparison.Ordinal) || file.StartsWith("scripts/", StringComparison.Ordinal)
                || file.StartsWith("vendor/", StringComparison.Ordinal) // uploaded apart, with its year-long Cache-Control
                || file.StartsWith("package", StringComparison.Ordinal) || file.StartsWith('.') || file == "README.md");
        }
        finally
        {
            Directory.Delete(target, recursive: true);
        }
    }

    /// <summary>The hook's lines that fill .azure/site from site/ (after it is emptied), backslash continuations joined.</summary>
    private static string CopyCommand()
    {
        var lines = File.ReadAllLines(Paths.InRepository("azure.yaml")).Select(line => line.Trim()).ToList();
        var start = lines.FindIndex(line => line.StartsWith("rm -rf .azure/site", StringComparison.Ordinal));
        Assert.True(start >= 0, "azure.yaml's postdeploy empties .azure/site");
        var command = string.Join('\n', lines.Skip(start).TakeWhile(line => !line.StartsWith("az ", StringComparison.Ordinal)));
        Assert.Contains("site", command, StringComparison.Ordinal);
        return command;
    }
}
