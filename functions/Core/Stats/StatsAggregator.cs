using System.Globalization;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>Pure aggregation of the stats rows into a <see cref="StatsReport"/>.</summary>
public static class StatsAggregator
{
    /// <summary>Labels in French alphabetical order ("Île-de-France" among the I, not after "Z").</summary>
    private static readonly StringComparer FrenchOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: false);

    /// <param name="rows">The rows of the query's months (rows of other months are ignored).</param>
    /// <param name="query">The range and filters.</param>
    /// <param name="themeLabel">Theme id → French label (null: unknown, shown as "Autre thématique").</param>
    /// <param name="regionLabel">Region code → French name (null: unknown, shown as "Région inconnue").</param>
    public static StatsReport Aggregate(
        IEnumerable<NeedStatsRow> rows, StatsQuery query, Func<string, string?> themeLabel, Func<string, string?> regionLabel)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(themeLabel);
        ArgumentNullException.ThrowIfNull(regionLabel);

        var months = StatsMonth.Range(query.From, query.To).ToList();
        var inRange = new HashSet<string>(months, StringComparer.Ordinal);
        var selected = rows
            .Where(r => inRange.Contains(r.Month))
            .Where(r => query.RegionCode is null || string.Equals(r.RegionCode, query.RegionCode, StringComparison.Ordinal))
            .Where(r => query.ThemeId is null || string.Equals(r.ThemeId, query.ThemeId, StringComparison.Ordinal))
            .ToList();
        var byMonth = selected.ToLookup(r => r.Month, StringComparer.Ordinal);

        return new StatsReport(
            months[0],
            months[^1],
            query.RegionCode,
            query.ThemeId,
            StatsFigures.Of(selected),
            [.. months.Select(m => new StatsMonthFigures(m, StatsFigures.Of([.. byMonth[m]])))],
            Breakdown(selected, r => r.ThemeId ?? string.Empty, k => (k.Length == 0 ? null : themeLabel(k)) ?? "Autre thématique"),
            Breakdown(selected, r => r.SizeKey, CompanySizes.Label),
            Breakdown(selected, r => r.SectorKey, ActivitySections.Label),
            Breakdown(selected, r => r.RegionCode ?? string.Empty, k => (k.Length == 0 ? null : regionLabel(k)) ?? "Région inconnue"));
    }

    /// <summary>Non-empty groups, biggest first, then by label.</summary>
    private static List<StatsGroupFigures> Breakdown(List<NeedStatsRow> rows, Func<NeedStatsRow, string> key, Func<string, string> label) =>
        [.. rows.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new StatsGroupFigures(g.Key, label(g.Key), StatsFigures.Of([.. g])))
            .OrderByDescending(g => g.Submitted)
            .ThenBy(g => g.Label, FrenchOrder)];
}
