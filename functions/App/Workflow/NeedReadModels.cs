using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Stats;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// The read models a decision changes besides the need itself: the inbox rows of the advisors it touched, the need's
/// row of the public stats and its rows in the partners' stats, the operators' baskets, the operators' need search. Upserts from the state given, so a
/// replay converges.
/// </summary>
public sealed class NeedReadModels(
    AdvisorInbox inbox,
    OperatorBaskets baskets,
    TableNeedStats stats,
    NeedSearchIndex search,
    TerritoryIndex territories,
    CurrentDirectory directory,
    AntennaNeedsTable antennaNeeds,
    TablePartnerStats partnerStats)
{
    /// <summary>
    /// The need's search rows (<see cref="NeedSearch.KeysOf"/>: SIRET, contact email, company name words; about five per
    /// need). What they hold is fixed at submission, so they are written by the submission's decision only.
    /// </summary>
    public async Task IndexForSearchAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rowKey = NeedSearchIndex.RowKeyOf(state.CreatedAt, state.NeedId);
        var nameWords = string.Join(' ', NeedSearch.NameWords(state.Company.Name));
        await search.UpsertAsync(NeedSearch.KeysOf(state).Select(key => new NeedSearchEntry
        {
            PartitionKey = key,
            RowKey = rowKey,
            NeedId = state.NeedId,
            CreatedAt = state.CreatedAt,
            Subject = state.SubjectLabel,
            CompanyName = state.Company.Name,
            NameWords = nameWords,
            Siret = state.Company.Siret,
            CommuneName = state.Company.CommuneName,
            ContactEmail = string.IsNullOrEmpty(state.Contact.Email) ? null : state.Contact.Email, // empty once anonymised
        }), ct);
    }

    /// <summary>
    /// Only the rows of <paramref name="advisorIds"/> (rewriting every advisor's row was a third of all storage requests);
    /// a cancellation touches every advisor's row.
    /// </summary>
    public async Task UpdateInboxAsync(NeedState state, IReadOnlyCollection<string> advisorIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(advisorIds);
        foreach (var match in state.Matches.Where(m => advisorIds.Contains(m.AdvisorId)))
        {
            await inbox.UpsertAsync(new InboxEntry
            {
                PartitionKey = match.AdvisorId,
                RowKey = state.NeedId,
                Subject = state.SubjectLabel,
                CompanyName = state.Company.Name,
                CommuneName = state.Company.CommuneName,
                SentAt = match.SentAt,
                Status = InboxStatus(state, match),
                UpdatedAt = match.UpdatedAt,
            }, ct);
        }

        // An advisor touched without a match left the need (reassigned to a colleague): the need leaves its inbox.
        foreach (var advisorId in advisorIds.Where(id => state.MatchOf(id) is null))
        {
            await inbox.DeleteAsync(advisorId, state.NeedId, ct);
        }
    }

    /// <summary>
    /// The status of an advisor's inbox row: the advisor's match status, except on a cancelled need, whose every row
    /// says <c>cancelled</c> (the need-level status) so that it leaves the "inbox" and "taking_care" tabs and is never
    /// shown as waiting for an answer nor as refused.
    /// </summary>
    private static string InboxStatus(NeedState state, NeedMatch match) =>
        state.IsCancelled ? NeedJson.WireName(NeedStatus.Cancelled) : NeedJson.WireName(match.Status);

    /// <summary>The need's row of the public stats, from its current state; a need that leaves the stats loses its row.</summary>
    public async Task UpdateStatsAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (themeId, regionCode) = StatsGroupsOf(state);
        if (NeedStatsRow.Of(state, themeId, regionCode) is { } row)
        {
            await stats.UpsertAsync(row, ct);
        }
        else
        {
            await stats.DeleteAsync(StatsMonth.Of(state.CreatedAt), state.NeedId, ct);
        }
    }

    /// <summary>
    /// The need's rows in the stats of each institution and antenna it was sent to (<see cref="PartnerStatsRows"/>), from
    /// its current state; the rows of a scope it no longer has go. Rewritten whenever a match or the need changed status
    /// (one institution's outcome changes with its advisors' positions, not only with the need's).
    /// </summary>
    public async Task UpdatePartnerStatsAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var (themeId, regionCode) = StatsGroupsOf(state);
        await partnerStats.ReplaceNeedAsync(state.NeedId, StatsMonth.Of(state.CreatedAt), PartnerStatsRows.Of(state, themeId, regionCode), ct);
    }

    /// <summary>The theme and the region of the stats, which come from the directory and the geography, not from the need.</summary>
    private (string? ThemeId, string? RegionCode) StatsGroupsOf(NeedState state) => (
        state.SubjectId is null ? null : directory.Snapshot?.SubjectThemes.GetValueOrDefault(state.SubjectId),
        territories.FindCommune(state.Company.CommuneCode)?.RegionCode);

    /// <summary>
    /// The need's row in each antenna it was sent to (the managers' digest and page), from its current state: a need
    /// reaches a handful of antennas, so all of them are rewritten whenever a match or the need changed status.
    /// </summary>
    public async Task UpdateAntennaNeedsAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var row in AntennaNeeds.Of(state))
        {
            await antennaNeeds.UpsertAsync(row, ct);
        }
    }

    public async Task AddToBasketAsync(AlertOperators alert, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await baskets.AddAsync(new BasketEntry { PartitionKey = NeedJson.WireName(alert.Basket), RowKey = alert.NeedId, Reason = alert.Reason, At = at }, ct);
    }
}
