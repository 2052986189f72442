namespace ConseillersEntreprises.Integration.Tests.Infrastructure;

/// <summary>
/// Where the real Azurite and SMTP capture started by ./test.sh listen. Missing settings fail the test loudly:
/// an integration test that silently skips would pass without testing anything.
/// </summary>
public static class TestEnvironment
{
    public static string StorageConnectionString => Require("CE_TEST_STORAGE_CONNECTION_STRING");

    public static string SmtpHost => Require("CE_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("CE_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static Uri MailboxUrl => new(Require("CE_TEST_MAILBOX_URL").TrimEnd('/') + "/");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the integration tests through ./test.sh, which starts Azurite and the SMTP capture.");
}
