using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>Full-page screenshots of the main pages, kept as test artifacts in artifacts/screenshots/ (./test.sh keeps artifacts/).</summary>
public static class Screenshots
{
    /// <summary>Empties the folder (once per run, before the first screenshot) so that it only holds this run's pages.</summary>
    public static void Clear()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Folder, "*.png"))
        {
            File.Delete(file);
        }
    }

    public static string Folder
    {
        get
        {
            var folder = Path.Combine(E2EEnvironment.RepositoryRoot, "artifacts", "screenshots");
            System.IO.Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static async Task SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
