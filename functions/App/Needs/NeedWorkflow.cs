using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Needs;
using ConseillersEntreprises.Storage.Queues;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Needs;

/// <summary>
/// The per-need workflow's command side: load the need, let the pure decider decide, write state + events + outbox
/// in ONE transaction guarded by the ETag (retrying from a fresh load when another writer won), then nudge the
/// outbox relay. If the process dies after the transaction, the outbox sweep finds the pending effects later.
/// </summary>
public sealed partial class NeedWorkflow(
    TableNeedStore store,
    QueueBus queues,
    IOptionsMonitor<WorkflowOptions> options,
    TimeProvider time,
    ILogger<NeedWorkflow> logger)
{
    private const int MaxAttempts = 20;

    public WorkflowSchedule Schedule
    {
        get
        {
            var o = options.CurrentValue;
            return new WorkflowSchedule
            {
                ExpertReminderAfter = o.ExpertReminderAfter,
                CompanyFollowUpAfter = o.CompanyFollowUpAfter,
                LastChanceAfter = o.LastChanceAfter,
                AbandonAfter = o.AbandonAfter,
                SatisfactionAfter = o.SatisfactionAfter,
                CompanyNoticeDelay = o.CompanyNoticeDelay,
                CommentNoticeDelay = o.CommentNoticeDelay,
                BusinessHoursOnly = o.BusinessHoursOnly,
            };
        }
    }

    /// <summary>
    /// Creates the need from its submission. Returns the stored state and whether this call created it (false when a
    /// need with this id existed already: the same idempotency key submitted twice).
    /// </summary>
    public async Task<(NeedState State, bool Created)> SubmitAsync(NeedSubmitted submitted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        if (NeedDecider.Decide(null, submitted, time.GetUtcNow(), Schedule) is not Accepted accepted)
        {
            throw new InvalidOperationException("A submission is always accepted by the decider.");
        }

        if (await store.CreateAsync(Commit(accepted, submitted), ct))
        {
            await NudgeRelayAsync(submitted.NeedId, ct);
            return (accepted.State, true);
        }

        var existing = await store.LoadAsync(submitted.NeedId, ct) ?? throw new InvalidOperationException("A need that conflicts must exist.");
        return (NeedJson.DeserializeState(existing.StateJson), false);
    }

    /// <summary>Applies one event to an existing need, with optimistic concurrency: concurrent writers never lose an update.</summary>
    public async Task<WorkflowOutcome> ApplyAsync(string needId, NeedEvent @event, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var record = await store.LoadAsync(needId, ct);
            if (record is null)
            {
                return WorkflowOutcome.NotFound;
            }

            var state = NeedJson.DeserializeState(record.StateJson);
            switch (NeedDecider.Decide(state, @event, time.GetUtcNow(), Schedule))
            {
                case Rejected rejected:
                    return new WorkflowOutcome(state, rejected);
                case Accepted accepted when accepted.State.Version == state.Version && accepted.Effects.Count == 0:
                    return new WorkflowOutcome(state, null); // A no-op (stale or repeated timer): nothing to write.
                case Accepted accepted:
                    if (await store.TryUpdateAsync(Commit(accepted, @event), record.ETag, ct))
                    {
                        await NudgeRelayAsync(needId, ct);
                        return new WorkflowOutcome(accepted.State, null);
                    }

                    if (attempt >= MaxAttempts)
                    {
                        throw new InvalidOperationException($"Need {needId}: still conflicting after {MaxAttempts} attempts.");
                    }

                    LogConflict(logger, needId, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, ct);
                    break;
                default:
                    throw new InvalidOperationException("Unknown decision.");
            }
        }
    }

    public async Task<NeedState?> LoadAsync(string needId, CancellationToken ct) =>
        await store.LoadAsync(needId, ct) is { } record ? NeedJson.DeserializeState(record.StateJson) : null;

    /// <summary>Asks the relay to carry out the need's pending effects. Losing this message is harmless: the sweep re-drives.</summary>
    public async Task NudgeRelayAsync(string needId, CancellationToken ct)
    {
        try
        {
            await queues.SendAsync(QueueBus.Outbox, needId, ct);
        }
        catch (Azure.RequestFailedException e)
        {
            LogNudgeFailed(logger, e, needId);
        }
    }

    private static NeedCommit Commit(Accepted accepted, NeedEvent @event) => new(
        accepted.State.NeedId,
        NeedJson.Serialize(accepted.State),
        accepted.State.Version,
        [(NeedJson.EventType(@event), NeedJson.Serialize(@event))],
        [.. accepted.Effects.Select(e => (e.EffectId, NeedJson.Serialize(e)))]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Need {NeedId}: concurrent update, retrying (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, string needId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Need {NeedId}: could not nudge the outbox relay; the sweep will")]
    private static partial void LogNudgeFailed(ILogger logger, Exception exception, string needId);
}
