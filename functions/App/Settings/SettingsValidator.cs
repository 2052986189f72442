using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Security;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Settings;

/// <summary>
/// Start-up checks of every setting: a missing or malformed one stops the app with a message naming it
/// (as it is spelled in the environment), instead of failing later on the first request that needs it.
/// </summary>
public sealed class SettingsValidator(IConfiguration configuration) :
    IValidateOptions<StorageOptions>, IValidateOptions<SmtpOptions>, IValidateOptions<EmailOptions>,
    IValidateOptions<LinksOptions>, IValidateOptions<SiteOptions>, IValidateOptions<OperatorsOptions>,
    IValidateOptions<DirectoryOptions>, IValidateOptions<WorkflowSchedule>, IValidateOptions<StatsOptions>,
    IValidateOptions<PartnersOptions>, IValidateOptions<RetentionOptions>
{
    private string? AcsEndpoint => configuration["Email:Acs:Endpoint"];

    public ValidateOptionsResult Validate(string? name, StorageOptions options) => Result(
        string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.AccountName)
            ? "Storage:ConnectionString (or Storage:AccountName with a managed identity) is required." : null,
        options.TablePrefix is { Length: > 0 } prefix && (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit) || prefix.Length > 40)
            ? $"Storage:TablePrefix must be letters and digits, starting with a letter (got '{prefix}')." : null);

    public ValidateOptionsResult Validate(string? name, SmtpOptions options) => Result(
        string.IsNullOrWhiteSpace(options.Host) && string.IsNullOrWhiteSpace(AcsEndpoint) ? "Smtp:Host is required (or Email:Acs:Endpoint to send through Azure Communication Services)." : null,
        options.Port is < 1 or > 65535 ? $"Smtp:Port must be between 1 and 65535 (got {options.Port})." : null);

    public ValidateOptionsResult Validate(string? name, EmailOptions options) => Result(
        !MimeKit.MailboxAddress.TryParse(options.From, out var from) || !EmailAddress.IsValid(from.Address)
            ? $"Email:From must be an address such as 'Conseillers-Entreprises <contact@example.fr>' (got '{options.From}')." : null,
        options.MaxPerMinute < 1 ? "Email:MaxPerMinute must be at least 1." : null,
        options.Acs.Endpoint is { Length: > 0 } endpoint && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var acs) || acs.Scheme != Uri.UriSchemeHttps)
            ? $"Email:Acs:Endpoint must be an https URL such as https://name.communication.azure.com (got '{endpoint}')." : null);

    public ValidateOptionsResult Validate(string? name, LinksOptions options)
    {
        var failures = new List<string?>();
        if (options.SigningKeys.Count == 0)
        {
            failures.Add("Links:SigningKeys needs at least one entry 'kid=base64secret' (32+ bytes), e.g. Links__SigningKeys__0.");
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (SigningKey.TryParse(options.SigningKeys[i], out var error) is null)
            {
                failures.Add($"Links:SigningKeys:{i} is malformed: {error}.");
            }
        }

        failures.Add(options.OperatorLinkLifetime <= TimeSpan.Zero ? "Links:OperatorLinkLifetime must be positive." : null);
        failures.Add(options.AdvisorLinkLifetime <= TimeSpan.Zero ? "Links:AdvisorLinkLifetime must be positive." : null);
        return Result([.. failures]);
    }

    public ValidateOptionsResult Validate(string? name, SiteOptions options) => Result(
        !Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? $"Site:BaseUrl must be an absolute http(s) URL (got '{options.BaseUrl}')." : null);

    public ValidateOptionsResult Validate(string? name, OperatorsOptions options) => Result(
        [.. options.Emails.Select((email, i) => EmailAddress.IsValid(email?.Trim()) ? null : $"Operators:Emails:{i} is not a valid email address ('{email}').")]);

    public ValidateOptionsResult Validate(string? name, DirectoryOptions options) => Result(
        options.RefreshInterval <= TimeSpan.Zero ? "Directory:RefreshInterval must be positive." : null);

    public ValidateOptionsResult Validate(string? name, StatsOptions options) => Result(
        options.CacheDuration < TimeSpan.Zero ? "Stats:CacheDuration may not be negative." : null);

    public ValidateOptionsResult Validate(string? name, PartnersOptions options) => Result(
        Positive(options.KeyLifetime, "Partners:KeyLifetime"));

    public ValidateOptionsResult Validate(string? name, RetentionOptions options) => Result(
        Positive(options.AnonymizeAfter, "Retention:AnonymizeAfter"));

    public ValidateOptionsResult Validate(string? name, WorkflowSchedule options) => Result(
        Positive(options.ExpertReminderAfter, "Workflow:ExpertReminderAfter"),
        Positive(options.CompanyFollowUpAfter, "Workflow:CompanyFollowUpAfter"),
        Positive(options.LastChanceAfter, "Workflow:LastChanceAfter"),
        Positive(options.AbandonAfter, "Workflow:AbandonAfter"),
        Positive(options.SatisfactionAfter, "Workflow:SatisfactionAfter"),
        options.CompanyNoticeDelay < TimeSpan.Zero ? "Workflow:CompanyNoticeDelay may not be negative." : null,
        options.CommentNoticeDelay < TimeSpan.Zero ? "Workflow:CommentNoticeDelay may not be negative." : null);

    private static string? Positive(TimeSpan value, string setting) => value <= TimeSpan.Zero ? $"{setting} must be a positive duration such as 4.00:00:00." : null;

    private static ValidateOptionsResult Result(params string?[] failures)
    {
        var messages = failures.Where(f => f is not null).Select(f => f!).ToList();
        return messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);
    }
}
