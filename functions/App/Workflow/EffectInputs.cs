using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// Input of <see cref="NeedActivities.SendNeedEmails"/>: the email effects of the decision that left the need at
/// <see cref="Version"/> (all of them, or those still to send when trying again).
/// </summary>
public sealed record SendNeedEmailsInput(string NeedId, long Version, IReadOnlyList<SendEmail> Emails);

/// <summary>What became of a decision's emails: the effect ids still to send, and when to try them again.</summary>
public sealed record EmailsOutcome(IReadOnlyList<string> Pending, TimeSpan RetryAfter)
{
    public static EmailsOutcome AllSent { get; } = new([], TimeSpan.Zero);

    public bool IsDone => Pending.Count == 0;
}

/// <summary>Input of <see cref="NeedActivities.AlertOperators"/>.</summary>
public sealed record AlertOperatorsInput(string NeedId, long Version, AlertOperators Alert);

/// <summary>What an effect activity did: done, or to try again after <see cref="RetryAfter"/> (relay down or throttling).</summary>
public sealed record EffectOutcome(bool IsDone, TimeSpan RetryAfter)
{
    public static EffectOutcome Done { get; } = new(true, TimeSpan.Zero);

    public static EffectOutcome Later(TimeSpan retryAfter) => new(false, retryAfter);
}
