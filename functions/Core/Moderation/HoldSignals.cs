namespace ConseillersEntreprises.Core.Moderation;

/// <summary>
/// What the intake found out about a valid submission before deciding whether it waits for the operators
/// (<see cref="HoldRules.Reasons"/>). The duplicates need a storage lookup, so they come in already answered.
/// </summary>
/// <param name="HoneypotFilled">The hidden <c>website</c> field was not empty.</param>
/// <param name="FilledInSeconds">How long the form took, as the site measured it; null when not sent (partners' API posts).</param>
/// <param name="MinSecondsToFill">The setting <c>Moderation:MinSecondsToFill</c>; zero or less: not checked.</param>
/// <param name="ContactEmail">The contact's email address as validated.</param>
/// <param name="BlockList">The operators' block list at the moment of the submission.</param>
/// <param name="SameSiretRecently">The same SIRET submitted on the same subject within the window.</param>
/// <param name="SameEmailRecently">The same email submitted on the same subject within the window.</param>
public sealed record HoldSignals(
    bool HoneypotFilled,
    double? FilledInSeconds,
    double MinSecondsToFill,
    string ContactEmail,
    BlockList BlockList,
    bool SameSiretRecently,
    bool SameEmailRecently);
