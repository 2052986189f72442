using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// Replays a demo need's past through <see cref="NeedDecider"/> with past timestamps: the submission, then each
/// scripted step, firing on the way every timer the decider scheduled once its due time has passed, and at the end
/// those due before <c>until</c>. Pure: the same need, schedule and instant give the same state.
/// </summary>
public static class DemoNeedReplay
{
    public static ReplayedNeed Replay(DemoNeed need, WorkflowSchedule schedule, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(schedule);
        var alerts = new List<DemoAlert>();
        long decisions = 0;
        var state = Decide(null, need.Submission, need.SubmittedAt);
        foreach (var step in need.Steps)
        {
            state = FireTimersDueBefore(state, step.At);
            state = Decide(state, step.Event, step.At);
        }

        state = FireTimersDueBefore(state, until);
        return new ReplayedNeed(state, decisions, alerts);

        NeedState FireTimersDueBefore(NeedState current, DateTimeOffset instant)
        {
            while (current.Timers.Where(t => t.DueAt <= instant).OrderBy(t => t.DueAt).ThenBy(t => t.TimerId, StringComparer.Ordinal).FirstOrDefault() is { } due)
            {
                current = Decide(current, new TimerDue(due.TimerId, due.Kind, due.DueAt), due.DueAt);
                if (current.Timers.Contains(due))
                {
                    throw new InvalidOperationException($"Demo need {need.NeedId}: timer {due.TimerId} stayed scheduled once fired.");
                }
            }

            return current;
        }

        NeedState Decide(NeedState? current, NeedEvent @event, DateTimeOffset at)
        {
            if (NeedDecider.Decide(current, @event, at, schedule) is not Accepted accepted)
            {
                throw new InvalidOperationException($"Demo need {need.NeedId}: the decider refused its scripted {@event.GetType().Name} of {at:O}.");
            }

            if (!accepted.IsNoOp)
            {
                decisions++;
                alerts.AddRange(accepted.Effects.OfType<AlertOperators>().Select(a => new DemoAlert(a, at)));
            }

            return accepted.State;
        }
    }
}
