using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Settings;

/// <summary>Start-up checks of section <c>Managers</c>; each message names the setting as spelled in configuration.</summary>
public sealed class ManagersOptionsValidator : IValidateOptions<ManagersOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DigestUnansweredAfter < TimeSpan.Zero)
        {
            failures.Add($"Managers:DigestUnansweredAfter may not be negative, e.g. 9.00:00:00 (got {options.DigestUnansweredAfter}).");
        }

        if (options.LinkLifetime <= TimeSpan.Zero)
        {
            failures.Add($"Managers:LinkLifetime must be a positive duration such as 30.00:00:00 (got {options.LinkLifetime}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
