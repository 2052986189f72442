using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.DataProtection;

/// <summary>
/// Anonymises one need everywhere its personal data is stored, idempotently (any step may be run again):
/// <list type="bullet">
/// <item>the operators' search rows (<c>needsearch</c>): the email key's row deleted first (all of them for an erasure),
/// the SIRET and company name rows rewritten without the email;</item>
/// <item>the snapshot (<c>needsnapshots</c>: the whole state, command answers included) and the orchestration's own state,
/// through the need's workflow (<see cref="NeedAnonymized"/>, decided by <see cref="NeedDecider"/> like any event, so
/// that no later decision writes the old data back); a need without a running orchestration (the demo history's, or one
/// whose orchestration ended) is decided here and its snapshot written one sequence ahead;</item>
/// <item>the orchestration's Durable history (inputs, external events and activity payloads hold the contact and the
/// texts): the orchestration completes once anonymised, then its instance is purged.</item>
/// </list>
/// Stored elsewhere and left alone because they hold no personal data: the advisors' inbox rows (subject, company name,
/// commune), the operators' basket rows (the service's own reasons), the stats rows, the sent-email ledger (hashed
/// effect ids).
/// </summary>
public sealed partial class NeedAnonymizer(
    NeedSnapshotStore snapshots,
    NeedWorkflow workflow,
    NeedReadModels readModels,
    NeedSearchIndex search,
    IOptionsMonitor<WorkflowSchedule> schedule,
    TimeProvider time,
    ILogger<NeedAnonymizer> logger)
{
    /// <summary>How long to wait for an anonymised need's orchestration to complete before leaving its purge to a later run.</summary>
    public static readonly TimeSpan PurgeWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The sequence a snapshot anonymised here is written with: beyond any an orchestration will reach, so that nothing
    /// the workflow might still record (an orchestration started late) ever writes the data back.
    /// </summary>
    public const long FinalSequence = long.MaxValue / 2;

    public async Task<AnonymizationResult> AnonymizeAsync(DurableTaskClient client, string needId, NeedAnonymized request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await AnonymizeAsync(client, needId, request, terminateIfRunning: request.Reason == AnonymizationReason.Retention, ct);
    }

    private async Task<AnonymizationResult> AnonymizeAsync(DurableTaskClient client, string needId, NeedAnonymized request, bool terminateIfRunning, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        if (await snapshots.GetAsync(needId, ct) is not { } snapshot)
        {
            return AnonymizationResult.Gone;
        }

        var before = snapshot.State;
        var erasing = request.Reason == AnonymizationReason.Request;
        var rowKey = NeedSearchIndex.RowKeyOf(before.CreatedAt, needId);
        // Before the workflow forgets the email, so that a run stopped halfway still knows which row to delete.
        var dropped = NeedSearch.KeysOf(before).Except(erasing ? [] : NeedSearch.KeysOf(NeedPersonalData.Anonymize(before)), StringComparer.Ordinal).ToList();
        await search.DeleteAsync(dropped, rowKey, ct);

        var state = before;
        if (!before.IsAnonymized)
        {
            if (await DecideAsync(client, snapshot, request, ct) is not { } anonymized)
            {
                return AnonymizationResult.Unanswered;
            }

            state = anonymized;
        }

        if (erasing)
        {
            await search.DeleteAsync(NeedSearch.KeysOf(before), rowKey, ct);
        }
        else
        {
            await readModels.IndexForSearchAsync(state, ct);
        }

        return await PurgeHistoryAsync(client, needId, terminateIfRunning, ct) ? AnonymizationResult.Done : AnonymizationResult.PurgePending;
    }

    /// <summary>
    /// Purges the need's orchestration once it has completed (waiting <see cref="PurgeWait"/> at most); true when there
    /// is no history left.
    /// </summary>
    /// <param name="terminateIfRunning">
    /// End an anonymised need's orchestration that did not complete by itself in time (the nightly sweep: any email it
    /// still had to send is long out). An erasure does not, so that the cancellation emails it caused still go out.
    /// </param>
    public async Task<bool> PurgeHistoryAsync(DurableTaskClient client, string needId, bool terminateIfRunning, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = time.GetUtcNow() + PurgeWait;
        while (true)
        {
            var instance = await client.GetInstanceAsync(needId, getInputsAndOutputs: false, ct);
            if (instance is null)
            {
                return true;
            }

            if (instance.IsCompleted)
            {
                await client.PurgeInstanceAsync(needId, cancellation: ct);
                return true;
            }

            if (time.GetUtcNow() >= deadline)
            {
                if (!terminateIfRunning || !(await snapshots.GetAsync(needId, ct))?.State.IsAnonymized == true)
                {
                    return false;
                }

                // Anonymised, so it accepts nothing more, and still running: ended here (the sweep's case, long after
                // its last email), so that its history can go.
                await client.TerminateInstanceAsync(needId, cancellation: ct);
                terminateIfRunning = false;
                deadline = time.GetUtcNow() + PurgeWait;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
        }
    }

    /// <summary>The need anonymised by its workflow, or here when no orchestration runs it; null when unanswered.</summary>
    private async Task<NeedState?> DecideAsync(DurableTaskClient client, NeedSnapshot snapshot, NeedAnonymized request, CancellationToken ct)
    {
        var needId = snapshot.NeedId;
        var instance = await client.GetInstanceAsync(needId, getInputsAndOutputs: false, ct);
        if (instance is not null && !instance.IsCompleted)
        {
            var outcome = await workflow.ApplyAsync(client, needId, request, ct);
            if (outcome.Unanswered || outcome.State is null)
            {
                return null;
            }

            if (outcome.Rejection is { Code: not RejectionCode.Anonymized } refused)
            {
                LogRefused(logger, needId, refused.Message);
                return null;
            }

            return outcome.State;
        }

        // No orchestration holds this need (the demo history's needs never had one): the same decision, recorded here.
        if (NeedDecider.Decide(snapshot.State, request, time.GetUtcNow(), schedule.CurrentValue) is not Accepted accepted)
        {
            return snapshot.State.IsAnonymized ? snapshot.State : null;
        }

        await snapshots.SaveAsync(accepted.State, Math.Max(snapshot.Sequence + 1, FinalSequence), outcome: null, ct);
        return (await snapshots.GetAsync(needId, ct))?.State is { IsAnonymized: true } saved ? saved : null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Need {NeedId}: anonymisation refused ({Reason})")]
    private static partial void LogRefused(ILogger logger, string needId, string reason);
}
