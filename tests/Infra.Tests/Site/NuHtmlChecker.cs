namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// The W3C's Nu Html Checker (npm <c>vnu-jar</c>, pinned in tools/local, which scripts/lib.sh installs), run by the
/// machine's Java (17+) over many files in one JVM. Errors only, one line per message (<c>--format gnu</c>:
/// <c>"file:…":line.column-line.column: error: …</c>); no language detection (it only ever gives warnings).
/// </summary>
public static class NuHtmlChecker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Jar { get; } = Paths.InRepository("tools", "local", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    public static Task<CommandRun> CheckAsync(IEnumerable<string> files)
    {
        if (!File.Exists(Jar))
        {
            throw new FileNotFoundException("The Nu Html Checker is missing: npm ci --prefix tools/local (./test.sh does it).", Jar);
        }

        // The schema's recursion needs a deep thread stack; the client compiler alone starts the JVM twice as fast
        // for a run this short.
        string[] arguments = ["-Xss16m", "-XX:TieredStopAtLevel=1", "-jar", Jar, "--errors-only", "--no-langdetect", "--format", "gnu", .. files];
        return CommandLine.RunAsync(Java(), arguments, Timeout);
    }

    private static string Java()
    {
        var home = Environment.GetEnvironmentVariable("JAVA_HOME");
        var java = string.IsNullOrEmpty(home) ? null : Path.Combine(home, "bin", "java");
        return java is not null && File.Exists(java) ? java : "java";
    }
}
