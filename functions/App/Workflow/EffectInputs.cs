using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>Input of <see cref="NeedActivities.SendNeedEmail"/>: one email effect of the decision that left the need at <see cref="Version"/>.</summary>
public sealed record SendNeedEmailInput(string NeedId, long Version, SendEmail Email);

/// <summary>Input of <see cref="NeedActivities.AlertOperators"/>.</summary>
public sealed record AlertOperatorsInput(string NeedId, long Version, AlertOperators Alert);

/// <summary>What an effect activity did: done, or to try again after <see cref="RetryAfter"/> (relay down or throttling).</summary>
public sealed record EffectOutcome(bool IsDone, TimeSpan RetryAfter)
{
    public static EffectOutcome Done { get; } = new(true, TimeSpan.Zero);

    public static EffectOutcome Later(TimeSpan retryAfter) => new(false, retryAfter);
}
