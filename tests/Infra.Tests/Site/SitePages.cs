namespace ConseillersEntreprises.Infra.Tests.Site;

/// <summary>
/// The site's pages as they are served and uploaded: every <c>.html</c> file of <c>site/</c>, except the installed
/// packages, the vendored DSFR files, the build scripts and their partials (the same rule as <c>site/scripts/layout.mjs</c>).
/// </summary>
public static class SitePages
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "node_modules", "vendor", "scripts" };

    public static string Root { get; } = Paths.InRepository("site");

    /// <summary>The pages' paths relative to the repository's root (<c>site/demande.html</c>, <c>site/conseiller/index.html</c>…), sorted.</summary>
    public static IReadOnlyList<string> All() =>
        [.. Under(Root).Select(path => Path.GetRelativePath(Paths.RepositoryRoot, path)).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Under(string directory)
    {
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.') || Skipped.Contains(entry.Name))
            {
                continue;
            }

            if (entry is DirectoryInfo folder)
            {
                foreach (var page in Under(folder.FullName))
                {
                    yield return page;
                }
            }
            else if (entry.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                yield return entry.FullName;
            }
        }
    }
}
