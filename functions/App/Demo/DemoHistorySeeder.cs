using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.DemoData.History;
using ConseillersEntreprises.Storage.Retention;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Demo;

/// <summary>
/// Stores the demo history of a local run (<see cref="DemoHistoryGenerator"/>), once. The past needs are written as
/// the workflow would have left them: replayed through the pure decider with their past timestamps, then the same
/// read-model writers as the workflow's activities (the advisors' inbox rows, the operators' baskets, the stats row),
/// the snapshot last, without orchestrations. The open needs are submitted through <see cref="NeedWorkflow"/>: their
/// orchestrations run, their emails go out and advisors can act on them.
/// <para>
/// Idempotent: the first open need is submitted first and its creation instant is the anchor every later seeding
/// generates the same history from; a need whose snapshot exists is skipped, an open need already submitted is not
/// submitted again. A second start stores nothing more.
/// </para>
/// </summary>
public sealed class DemoHistorySeeder(
    CurrentDirectory directory,
    TerritoryIndex territories,
    NeedSnapshotStore snapshots,
    NeedReadModels readModels,
    RetentionIndex retention,
    NeedWorkflow workflow,
    IOptionsMonitor<WorkflowSchedule> schedule,
    TimeProvider time)
{
    /// <summary>Past needs written at once (storage requests in flight, a few per need).</summary>
    private const int Parallelism = 4;

    public async Task<DemoSeeding> SeedAsync(DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = directory.Snapshot?.Document ?? throw new InvalidOperationException("The directory is not loaded yet.");
        var submitted = 0;
        var anchorNeed = await workflow.LoadAsync(DemoHistoryGenerator.AnchorNeedId(), ct);
        if (anchorNeed is null)
        {
            var first = DemoHistoryGenerator.Generate(document, territories, time.GetUtcNow(), pastCount: 0, openCount: 1).Open[0];
            (anchorNeed, var created) = await workflow.SubmitAsync(client, first, ct);
            submitted += created ? 1 : 0;
        }

        var anchor = anchorNeed.CreatedAt;
        var history = DemoHistoryGenerator.Generate(document, territories, anchor);
        var timeline = schedule.CurrentValue;
        var written = 0;
        await Parallel.ForEachAsync(history.Past, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (need, token) =>
        {
            if (await WriteAsync(need, timeline, anchor, token))
            {
                Interlocked.Increment(ref written);
            }
        });

        foreach (var need in history.Open.Skip(1))
        {
            var (_, created) = await workflow.SubmitAsync(client, need, ct);
            submitted += created ? 1 : 0;
        }

        return new DemoSeeding(written, submitted);
    }

    /// <summary>One past need, unless its snapshot exists: the read models first, the snapshot (what says "stored") last.</summary>
    private async Task<bool> WriteAsync(DemoNeed need, WorkflowSchedule timeline, DateTimeOffset anchor, CancellationToken ct)
    {
        if (await snapshots.GetAsync(need.NeedId, ct) is not null)
        {
            return false;
        }

        var replayed = DemoNeedReplay.Replay(need, timeline, anchor);
        var state = replayed.State;
        await readModels.UpdateInboxAsync(state, [.. state.Matches.Select(m => m.AdvisorId)], ct);
        foreach (var alert in replayed.Alerts)
        {
            await readModels.AddToBasketAsync(alert.Alert, alert.At, ct);
        }

        await readModels.UpdateStatsAsync(state, ct);
        await readModels.UpdatePartnerStatsAsync(state, ct);
        await readModels.UpdateAntennaNeedsAsync(state, ct);
        await readModels.IndexForSearchAsync(state, ct); // operators find the history's needs as they find live ones
        await retention.AddAsync(state.NeedId, state.CreatedAt, ct); // and the retention sweep anonymises them in time
        return await snapshots.SaveAsync(state, replayed.Decisions, outcome: null, ct);
    }
}
