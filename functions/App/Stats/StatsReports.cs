using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Storage.Stats;

namespace ConseillersEntreprises.App.Stats;

/// <summary>
/// Stats rows to the report every stats route answers, named from the current directory (themes, institutions) and the
/// geography (regions); and the report of institutions' or antennas' own rows (<c>partnerstats</c>).
/// </summary>
public sealed class StatsReports(TablePartnerStats partnerStats, CurrentDirectory directory, TerritoryIndex territories)
{
    public StatsReport Aggregate(IEnumerable<NeedStatsRow> rows, StatsQuery query)
    {
        var snapshot = directory.Snapshot;
        var themes = snapshot?.ThemeLabels;
        return StatsAggregator.Aggregate(rows, query, id => themes?.GetValueOrDefault(id), territories.RegionName, id => snapshot?.InstitutionNames.GetValueOrDefault(id));
    }

    /// <summary>The stats of <paramref name="scopes"/> together: a need sent to two of them counts once (<see cref="PartnerStatsRows.Merge"/>).</summary>
    public async Task<StatsReport> OfScopesAsync(IReadOnlyCollection<StatsScope> scopes, StatsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(query);
        // One partition per scope, read at once (a manager of several antennas waits for the slowest, not the sum).
        var (from, to) = (StatsMonth.Format(query.From), StatsMonth.Format(query.To));
        var perScope = await Task.WhenAll(scopes.Select(scope => partnerStats.ReadAsync(scope, from, to, ct)));
        var rows = perScope.SelectMany(r => r).ToList();
        return Aggregate(scopes.Count > 1 ? PartnerStatsRows.Merge(rows) : rows, query);
    }
}
