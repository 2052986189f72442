using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>
/// The partner stats projection of a need (pure): one row per institution and one per antenna among its current matches,
/// each with the public row's month, theme, region, size, sector and source, but the outcome of that institution's or
/// antenna's own advisors only, so that <see cref="StatsAggregator"/> computes the public page's figures for it unchanged:
/// <list type="bullet">
/// <item>submitted and transmitted: the need was sent to one of its advisors (every row: a scope has a row only then);</item>
/// <item>taken on within 5 days: one of its advisors took it on within 5 days of the need reaching the scope (its first
/// advisor's dispatch: an advisor an operator added later is not blamed for the days before);</item>
/// <item>exchange and helped: the status its own advisors' positions derive (PRODUCT.md's rule over its matches only) is
/// done or done_no_help, resp. done. Help proposed by another institution is not this one's help; an antenna that
/// refused while another closed with help counts no exchange; its advisors expired on an abandoned need count none.</item>
/// </list>
/// A need the public stats leave out (cancelled, held for a check) has no row at all; a scope the need no longer has
/// (its advisor reassigned to another antenna) has none either, so the writer deletes what it wrote before.
/// </summary>
public static class PartnerStatsRows
{
    public static IReadOnlyList<ScopedStatsRow> Of(NeedState state, string? themeId, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (NeedStatsRow.Of(state, themeId, regionCode) is not { } needRow)
        {
            return [];
        }

        var byInstitution = state.Matches
            .GroupBy(m => m.InstitutionId, StringComparer.Ordinal)
            .Select(g => new ScopedStatsRow(StatsScope.Institution(g.Key), RowOf(needRow, [.. g])));
        var byAntenna = state.Matches
            .GroupBy(m => m.AntennaId, StringComparer.Ordinal)
            .Select(g => new ScopedStatsRow(StatsScope.Antenna(g.Key), RowOf(needRow, [.. g])));
        return [.. byInstitution, .. byAntenna];
    }

    /// <summary>
    /// The rows of several scopes as one (a manager's antennas): one row per need, with what any of them achieved (an
    /// exchange by one antenna, help by another: the need had both).
    /// </summary>
    public static IReadOnlyList<NeedStatsRow> Merge(IEnumerable<NeedStatsRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows
            .GroupBy(r => r.NeedId, StringComparer.Ordinal)
            .Select(need => need.Aggregate((merged, row) => merged with
            {
                Transmitted = merged.Transmitted || row.Transmitted,
                Exchange = merged.Exchange || row.Exchange,
                Helped = merged.Helped || row.Helped,
                TakenOnWithin5Days = merged.TakenOnWithin5Days || row.TakenOnWithin5Days,
                FirstTakenOnAfter = Earliest(merged.FirstTakenOnAfter, row.FirstTakenOnAfter),
            }))];
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>The need's row with this scope's own outcome; every other fact (month, groups, source, company) is the need's.</summary>
    private static NeedStatsRow RowOf(NeedStatsRow needRow, IReadOnlyList<NeedMatch> matches)
    {
        var status = NeedStatusRules.Derive(matches.Select(m => m.Status));
        // As the 5 days: from when the need reached this scope, not from its submission.
        var firstTakenOnAfter = NeedStatsRow.FirstTakenOnAt(matches) - matches.Min(m => m.SentAt);
        return needRow with
        {
            Transmitted = true,
            Exchange = status is NeedStatus.Done or NeedStatus.DoneNoHelp,
            Helped = status == NeedStatus.Done,
            TakenOnWithin5Days = firstTakenOnAfter <= NeedStatsRow.TakenOnQuickly,
            FirstTakenOnAfter = firstTakenOnAfter,
        };
    }
}
