namespace ConseillersEntreprises.App;

/// <summary>Finds the static site (site/) so that a local run serves the pages and the API from one URL.</summary>
public static class SiteFolder
{
    public static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("Site__Root");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "site");
                if (File.Exists(Path.Combine(candidate, "index.html")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static bool IsLoopback(string? urls) =>
        urls is not null && (urls.Contains("127.0.0.1", StringComparison.Ordinal) || urls.Contains("localhost", StringComparison.Ordinal));
}
