using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Journal;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Retention;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.DataProtection;

/// <summary>
/// An operator's export and erasure of one company's or person's data, found through the operators' search rows (the
/// SIRET's or the email's key: every need is indexed under both at submission).
/// </summary>
public sealed class CompanyData(
    NeedSearchIndex search,
    NeedWorkflow workflow,
    NeedAnonymizer anonymizer,
    RetentionIndex retention,
    OperatorJournal journal,
    TimeProvider time)
{
    /// <summary>The most needs one company's export or erasure covers (far beyond any real company's).</summary>
    public const int MaxNeeds = 1000;

    public const string ErasureAction = "effacement";

    public async Task<CompanyDataExport> ExportAsync(CompanyDataQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var needs = new List<NeedState>();
        foreach (var chunk in (await NeedIdsAsync(query, ct)).Chunk(8))
        {
            needs.AddRange((await Task.WhenAll(chunk.Select(id => workflow.LoadAsync(id, ct)))).OfType<NeedState>());
        }

        return new CompanyDataExport(query.LookedUpBy, query.Value, time.GetUtcNow(), [.. needs.OrderByDescending(n => n.CreatedAt)]);
    }

    /// <summary>
    /// Erases the data of every need found, whatever its age: a need some advisor still holds open (or still unrouted) is
    /// cancelled first, with <see cref="NeedCancellation.ErasureReason"/>, so that its advisors are told and it leaves
    /// their inboxes and the baskets; then it is anonymised as the retention sweep would, and its search rows deleted.
    /// Recorded in the operators' journal without the data (who, when, by SIRET or email, which needs). Running it again
    /// finds what is left (nothing, once complete).
    /// </summary>
    public async Task<ErasureReport> EraseAsync(DurableTaskClient client, CompanyDataQuery query, string operatorEmail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(query);
        var erased = new List<string>();
        var cancelled = new List<string>();
        var unanswered = new List<string>();
        foreach (var needId in await NeedIdsAsync(query, ct))
        {
            if (await workflow.LoadAsync(needId, ct) is not { } state)
            {
                continue;
            }

            if (IsOpen(state) && await client.GetInstanceAsync(needId, getInputsAndOutputs: false, ct) is { IsCompleted: false })
            {
                var outcome = await workflow.ApplyAsync(client, needId, new NeedCancelled(operatorEmail, NeedCancellation.ErasureReason), ct);
                if (outcome.Unanswered)
                {
                    unanswered.Add(needId);
                    continue;
                }

                if (outcome.Rejection is null)
                {
                    cancelled.Add(needId);
                }
            }

            switch (await anonymizer.AnonymizeAsync(client, needId, new NeedAnonymized(AnonymizationReason.Request, operatorEmail), ct))
            {
                case AnonymizationResult.Unanswered:
                    unanswered.Add(needId);
                    continue;
                case AnonymizationResult.PurgePending:
                    await retention.AddPurgePendingAsync(needId, state.CreatedAt, ct);
                    break;
            }

            // Nothing is left for the retention sweep to do, but a pending purge.
            await retention.RemoveAsync(RetentionIndex.MonthOf(state.CreatedAt), RetentionIndex.RowKeyOf(state.CreatedAt, needId), ct);
            erased.Add(needId);
        }

        await journal.AddAsync(new JournalEntry(time.GetUtcNow(), operatorEmail, ErasureAction, query.LookedUpBy, erased), ct);
        return new ErasureReport(erased, cancelled, unanswered);
    }

    /// <summary>Still in someone's hands: advisors to tell, or an operators' basket to leave.</summary>
    private static bool IsOpen(NeedState state) =>
        !state.IsCancelled && !state.IsAbandoned && !state.IsAnonymized
        && (state.IsUnrouted || state.Matches.Any(m => m.Status is MatchStatus.Quo or MatchStatus.TakingCare));

    private async Task<IReadOnlyList<string>> NeedIdsAsync(CompanyDataQuery query, CancellationToken ct) =>
        [.. (await search.ByKeyAsync(query.SearchKey, MaxNeeds, ct)).Select(r => r.NeedId).Distinct(StringComparer.Ordinal)];
}
