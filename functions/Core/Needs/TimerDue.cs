namespace ConseillersEntreprises.Core.Needs;

/// <summary>A durable timer of the need fired (from the timers sweep). <paramref name="ScheduledFor"/> is informational.</summary>
public sealed record TimerDue(string TimerId, TimerKind Kind, DateTimeOffset ScheduledFor) : NeedEvent
{
    public const string TypeName = "timer_due";
}
