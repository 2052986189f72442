namespace ConseillersEntreprises.Core.Needs;

/// <summary>What already happened in the need's timeline: each step happens at most once.</summary>
public sealed record NeedTimeline
{
    /// <summary>When advisors were first notified and the lifecycle timers started; null while unrouted.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }

    public DateTimeOffset? ReminderSentAt { get; init; }

    /// <summary>When the company got "we are still following your request" and operators the no-answer alert.</summary>
    public DateTimeOffset? FollowUpSentAt { get; init; }

    public DateTimeOffset? LastChanceSentAt { get; init; }

    /// <summary>When the need was abandoned (nobody took it on in time): the need is closed.</summary>
    public DateTimeOffset? AbandonedAt { get; init; }

    /// <summary>When every advisor had refused and the company got the fallback reply (sent once).</summary>
    public DateTimeOffset? RefusedFallbackSentAt { get; init; }

    public DateTimeOffset? SatisfactionScheduledAt { get; init; }

    public DateTimeOffset? SatisfactionSentAt { get; init; }
}
