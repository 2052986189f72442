using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Settings;

/// <summary>Start-up checks of section <c>Moderation</c>; each message names the setting as spelled in configuration.</summary>
public sealed class ModerationOptionsValidator : IValidateOptions<ModerationOptions>
{
    public ValidateOptionsResult Validate(string? name, ModerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinSecondsToFill < 0 || options.MinSecondsToFill > 600 || !double.IsFinite(options.MinSecondsToFill))
        {
            failures.Add($"Moderation:MinSecondsToFill must be between 0 (not checked) and 600 seconds (got {options.MinSecondsToFill}).");
        }

        if (options.DuplicateWindow < TimeSpan.Zero || options.DuplicateWindow > TimeSpan.FromDays(30))
        {
            failures.Add($"Moderation:DuplicateWindow must be between 00:00:00 (not checked) and 30.00:00:00 (got {options.DuplicateWindow}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
