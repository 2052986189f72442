using System.Globalization;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// What ./test.sh provides: Azurite, the SMTP capture and Debian's Chromium. A missing variable fails the test with
/// the reason: a browser test that silently skipped would pass without testing anything.
/// </summary>
public static class E2EEnvironment
{
    public static string StorageConnectionString => Require("CE_TEST_STORAGE_CONNECTION_STRING", "Azurite");

    public static string SmtpHost => Require("CE_TEST_SMTP_HOST", "the SMTP capture");

    public static int SmtpPort => int.Parse(Require("CE_TEST_SMTP_PORT", "the SMTP capture"), CultureInfo.InvariantCulture);

    public static Uri MailboxUrl => new(Require("CE_TEST_MAILBOX_URL", "the SMTP capture").TrimEnd('/') + "/");

    /// <summary>Debian's chromium (no browser download is possible on these machines: Playwright drives this one).</summary>
    public static string ChromiumPath
    {
        get
        {
            var path = Require("CE_TEST_CHROMIUM_PATH", "Chromium (apt-get install chromium)");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"CE_TEST_CHROMIUM_PATH points to {path}, which does not exist: install Debian's chromium (./test.sh does it).");
        }
    }

    /// <summary>The repository root (the folder holding Functions.sln).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"Functions.sln not found above {AppContext.BaseDirectory}.");
        }
    }

    private static string Require(string name, string what) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set ({what}): run the browser tests through ./test.sh, which starts Azurite and the SMTP capture and installs Chromium.");
}
