namespace ConseillersEntreprises.Core.Needs;

/// <summary>Schedule a durable timer; when due it comes back as <see cref="TimerDue"/> with the same id and kind.</summary>
public sealed record ScheduleTimer(
    string EffectId,
    string NeedId,
    string TimerId,
    TimerKind Kind,
    DateTimeOffset DueAt) : NeedEffect(EffectId, NeedId)
{
    public const string TypeName = "schedule_timer";
}
