using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Storage.Needs;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Queues;
using ConseillersEntreprises.Storage.Stats;
using ConseillersEntreprises.Storage.Timers;
using Microsoft.Extensions.Options;

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
    TableProjections projections,
    TableNeedStats stats,
    TerritoryIndex territories,
    QueueBus queues,
    NeedEmailRenderer renderer,
    SignedLinks links,
    IOptionsMonitor<OperatorsOptions> operators,
    CurrentDirectory directory,
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
                var rendered = renderer.Render(email, state, new EmailLinks(
                    email.AdvisorId is { } advisorId ? links.AdvisorNeed(advisorId, state.NeedId) : null,
                    links.CompanyFollowUp(state.NeedId),
                    links.SiteUrl));
                await EnqueueAsync(email.EffectId, rendered, ct);
                break;
            case ScheduleTimer timer:
                await timers.ScheduleAsync(timer.NeedId, timer.TimerId, NeedJson.WireName(timer.Kind), timer.DueAt, ct);
                break;
            case AlertOperators alert:
                await projections.AddToBasketAsync(NeedJson.WireName(alert.Basket), alert.NeedId, alert.Reason, time.GetUtcNow(), ct);
                foreach (var address in operators.CurrentValue.Emails)
                {
                    await EnqueueAsync($"{alert.EffectId}:{address.Trim().ToUpperInvariant()}",
                        renderer.RenderOperatorAlert(alert, state, address.Trim(), links.OperatorBaskets), ct);
                }

                // PRODUCT.md: antenna managers are alerted too about the advisors of theirs still without an answer.
                foreach (var manager in ManagersOf(alert.AdvisorIds))
                {
                    await EnqueueAsync($"{alert.EffectId}:manager:{manager.ToUpperInvariant()}",
                        renderer.RenderOperatorAlert(alert, state, manager, links.SiteUrl), ct);
                }

                break;
            case UpdateProjection { Kind: ProjectionKind.AdvisorInbox } projection:
                await UpdateInboxAsync(projection, state, ct);
                break;
            case UpdateProjection { Kind: ProjectionKind.NeedStatus }:
                await UpdateStatsAsync(state, ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown effect {effect.GetType().Name}.");
        }
    }

    private IEnumerable<string> ManagersOf(IReadOnlyList<string> advisorIds)
    {
        if (advisorIds.Count == 0 || directory.Snapshot is not { } snapshot)
        {
            return [];
        }

        var antennaIds = snapshot.Document.Advisors.Where(a => advisorIds.Contains(a.Id)).Select(a => a.AntennaId).ToHashSet(StringComparer.Ordinal);
        return snapshot.Document.Antennas
            .Where(a => antennaIds.Contains(a.Id))
            .SelectMany(a => a.Managers)
            .Select(m => m.Email.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The need's row of the public stats, from its current state (so a replay, or a late one, converges).</summary>
    private async Task UpdateStatsAsync(NeedState state, CancellationToken ct)
    {
        var themeId = directory.Snapshot?.SubjectThemes.GetValueOrDefault(state.SubjectId);
        var regionCode = territories.FindCommune(state.Company.CommuneCode)?.RegionCode;
        if (NeedStatsRow.Of(state, themeId, regionCode) is { } row)
        {
            await stats.UpsertAsync(row, ct);
        }
        else
        {
            await stats.DeleteAsync(StatsMonth.Of(state.CreatedAt), state.NeedId, ct);
        }
    }

    private async Task UpdateInboxAsync(UpdateProjection projection, NeedState state, CancellationToken ct)
    {
        // Only the rows the decision changed (the load driver measured a third of all storage requests here when every
        // advisor's row was rewritten on each change). The cancellation touches every advisor's row.
        foreach (var match in state.Matches.Where(m => projection.AdvisorIds.Contains(m.AdvisorId)))
        {
            await projections.UpsertInboxAsync(match.AdvisorId, state.NeedId, new Dictionary<string, object?>
            {
                ["Subject"] = state.SubjectLabel,
                ["CompanyName"] = state.Company.Name,
                ["CommuneName"] = state.Company.CommuneName,
                ["SentAt"] = match.SentAt,
                ["Status"] = InboxStatus(state, match),
                ["UpdatedAt"] = match.UpdatedAt,
            }, ct);
        }
    }

    /// <summary>
    /// The status of an advisor's inbox row: the advisor's match status, except on a cancelled need, whose every row
    /// says <c>cancelled</c> (the need-level status) so that it leaves the "inbox" and "taking_care" tabs and is never
    /// shown as waiting for an answer nor as refused.
    /// </summary>
    private static string InboxStatus(NeedState state, NeedMatch match) =>
        state.IsCancelled ? NeedJson.WireName(NeedStatus.Cancelled) : NeedJson.WireName(match.Status);

    private async Task EnqueueAsync(string key, Email.EmailMessage email, CancellationToken ct) =>
        await queues.SendAsync(QueueBus.Emails, new QueuedEmail(key, email.To, email.Subject, email.HtmlBody, email.TextBody).Serialize(), ct);
}
