using ConseillersEntreprises.Core.Moderation;

namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Moderation</c>: which submissions wait for an operator's check (the <c>review</c> basket).</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// A form sent in fewer seconds (the site's <c>filledInSeconds</c>) waits for a check. Three steps, a SIRET lookup
    /// and a 20-character description take a person well over 5 s; a robot posts at once. Zero: not checked.
    /// </summary>
    public double MinSecondsToFill { get; set; } = 5;

    /// <summary>
    /// The same SIRET or email on the same subject within this window waits for a check (issue 9: 48 hours). Zero: not
    /// checked (load tests that reuse a few companies).
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = DuplicateKeys.DefaultWindow;
}
