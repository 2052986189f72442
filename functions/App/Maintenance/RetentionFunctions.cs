using ConseillersEntreprises.App.DataProtection;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Retention;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Maintenance;

/// <summary>
/// Every night, anonymises the needs submitted more than <c>Retention:AnonymizeAfter</c> ago (three years by default),
/// oldest first, read from the retention index (<see cref="RetentionIndex"/>: only due rows are read). At most
/// <see cref="MaxPerRun"/> needs a run: about 140 needs a day fall due at 50,000 needs a year, so a run is normally a
/// few minutes' work, and a backlog (a first run on years of history) drains at 2,000 a night without one long run. A
/// need whose workflow does not answer, or whose history is still finishing, stays listed for the next run.
/// </summary>
public sealed partial class RetentionFunctions(
    RetentionIndex retention,
    NeedAnonymizer anonymizer,
    IOptionsMonitor<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionFunctions> logger)
{
    public const int MaxPerRun = 2000;

    /// <summary>Needs anonymised at once (each is a few storage requests and one command to its orchestration).</summary>
    private const int Parallelism = 4;

    [Function("AnonymizeOldNeeds")]
    public async Task AnonymizeOldNeeds(
        [TimerTrigger("0 0 2 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var run = await RunAsync(client, cancellationToken);
        LogRun(logger, run.Anonymized, run.Purged, run.Left, timer.IsPastDue);
    }

    /// <summary>One run: the pending purges first, then the due needs. Idempotent; what it could not finish is left listed.</summary>
    public async Task<RetentionRun> RunAsync(DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var purged = 0;
        foreach (var pending in await retention.PurgesPendingAsync(MaxPerRun, ct))
        {
            if (await anonymizer.PurgeHistoryAsync(client, pending.NeedId, terminateIfRunning: true, ct))
            {
                await retention.RemoveAsync(pending.PartitionKey, pending.RowKey, ct);
                purged++;
            }
        }

        var cutoff = time.GetUtcNow() - options.CurrentValue.AnonymizeAfter;
        var due = await retention.DueAsync(cutoff, MaxPerRun, ct);
        var anonymized = 0;
        var left = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (entry, token) =>
        {
            var result = await anonymizer.AnonymizeAsync(client, entry.NeedId, new NeedAnonymized(AnonymizationReason.Retention), token);
            switch (result)
            {
                case AnonymizationResult.Done or AnonymizationResult.Gone:
                    await retention.RemoveAsync(entry.PartitionKey, entry.RowKey, token);
                    Interlocked.Increment(ref anonymized);
                    break;
                case AnonymizationResult.PurgePending:
                    await retention.AddPurgePendingAsync(entry.NeedId, entry.CreatedAt, token);
                    await retention.RemoveAsync(entry.PartitionKey, entry.RowKey, token);
                    Interlocked.Increment(ref anonymized);
                    break;
                default:
                    Interlocked.Increment(ref left);
                    break;
            }
        });

        return new RetentionRun(anonymized, purged, left);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Anonymized} needs anonymised, {Purged} histories purged, {Left} left for the next run (past due: {PastDue})")]
    private static partial void LogRun(ILogger logger, int anonymized, int purged, int left, bool pastDue);
}

/// <summary>What one retention run did.</summary>
public sealed record RetentionRun(int Anonymized, int Purged, int Left);
