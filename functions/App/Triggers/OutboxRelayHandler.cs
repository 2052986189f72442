using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Needs;
using ConseillersEntreprises.Storage.Queues;
using ConseillersEntreprises.Storage.Timers;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Function "outbox" (queue trigger, message = need id): carries out the need's pending effects, then deletes their
/// outbox rows. At-least-once and idempotent: emails are keyed by effect id (the email handler skips a key already
/// sent), timers and projections are upserts. Emails are rendered here, from the need's current state, and queued
/// for the paced sender.
/// </summary>
public sealed class OutboxRelayHandler(
    TableNeedStore needs,
    TableTimerStore timers,
    NeedReadModels readModels,
    NeedEmailComposer composer,
    QueueBus queues,
    TimeProvider time) : IQueueHandler
{
    /// <summary>
    /// Relays of one need run one at a time in this process. A batch of queue messages is handled concurrently, and two
    /// nudges of the same need (two decisions in a row) would otherwise both carry out the same pending rows: harmless
    /// (idempotent) but twice the storage requests. Striped, so memory stays bounded whatever the number of needs.
    /// </summary>
    private readonly SemaphoreSlim[] needLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public string QueueName => QueueBus.Outbox;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var needId = message.Trim();
        var gate = needLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(needId) % (uint)needLocks.Length)];
        await gate.WaitAsync(ct);
        try
        {
            await RelayAsync(needId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RelayAsync(string needId, CancellationToken ct)
    {
        var pending = await needs.PendingOutboxAsync(needId, ct);
        if (pending.Count == 0)
        {
            return;
        }

        var record = await needs.LoadAsync(needId, ct);
        if (record is null)
        {
            return;
        }

        var state = NeedJson.DeserializeState(record.StateJson);
        foreach (var row in pending.GroupBy(i => i.RowKey))
        {
            foreach (var item in row)
            {
                await ExecuteAsync(NeedJson.DeserializeEffect(item.Json), state, ct);
            }

            await needs.CompleteOutboxAsync(needId, row.Key, ct); // Only now: a crash before it re-runs the row (idempotent effects).
        }
    }

    private async Task ExecuteAsync(NeedEffect effect, NeedState state, CancellationToken ct)
    {
        switch (effect)
        {
            case SendEmail email:
                await EnqueueAsync(composer.Compose(email, state), ct);
                break;
            case ScheduleTimer timer:
                await timers.ScheduleAsync(timer.NeedId, timer.TimerId, NeedJson.WireName(timer.Kind), timer.DueAt, ct);
                break;
            case AlertOperators alert:
                await readModels.AddToBasketAsync(alert, time.GetUtcNow(), ct);
                foreach (var email in composer.Compose(alert, state))
                {
                    await EnqueueAsync(email, ct);
                }

                break;
            case UpdateProjection { Kind: ProjectionKind.AdvisorInbox } projection:
                await readModels.UpdateInboxAsync(state, projection.AdvisorIds, ct);
                break;
            case UpdateProjection { Kind: ProjectionKind.NeedStatus }:
                await readModels.UpdateStatsAsync(state, ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}.");
        }
    }

    private async Task EnqueueAsync(Email.EmailMessage email, CancellationToken ct) =>
        await queues.SendAsync(QueueBus.Emails, new QueuedEmail(email.IdempotencyKey!, email.To, email.Subject, email.HtmlBody, email.TextBody).Serialize(), ct);
}
