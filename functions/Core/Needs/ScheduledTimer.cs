namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// A timer the need is waiting for. Only a <see cref="TimerDue"/> whose id and kind match a scheduled timer is acted
/// upon, and acting removes it: anything else (a stale row, a second delivery) is a no-op.
/// </summary>
public sealed record ScheduledTimer
{
    /// <summary>Unique within the need and never reused for another due time (<see cref="TimerIds"/>).</summary>
    public required string TimerId { get; init; }

    public TimerKind Kind { get; init; }

    /// <summary>When it is due, already moved to business hours when the schedule asks for it.</summary>
    public DateTimeOffset DueAt { get; init; }
}
