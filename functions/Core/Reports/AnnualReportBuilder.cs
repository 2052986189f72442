using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Reports;

/// <summary>Pure computation of the <see cref="AnnualReport"/> from the stats projection's rows and the directory's counts.</summary>
public static class AnnualReportBuilder
{
    /// <summary>The key of the région breakdown's row for needs whose région is unknown.</summary>
    public const string UnknownRegion = "inconnue";

    /// <param name="year">The calendar year (Paris months January to December).</param>
    /// <param name="rows">The stats rows; those of other years are ignored.</param>
    /// <param name="directory">Who is on the platform at the report's date.</param>
    /// <param name="regions">Every région (code, French name), in the order to show; needs of another code count as "Région inconnue".</param>
    public static AnnualReport Build(int year, IEnumerable<NeedStatsRow> rows, AnnualDirectoryCounts directory, IReadOnlyList<(string Code, string Name)> regions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(regions);
        var prefix = $"{year:D4}-";
        var totals = new AnnualTally();
        var bySector = new Dictionary<string, AnnualTally>(StringComparer.Ordinal);
        var bySize = new Dictionary<string, AnnualTally>(StringComparer.Ordinal);
        var byRegion = new Dictionary<string, AnnualTally>(StringComparer.Ordinal);
        var knownRegions = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!row.Month.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            totals.Add(row);
            GroupTally.Of(bySector, row.SectorKey).Add(row);
            GroupTally.Of(bySize, row.SizeKey).Add(row);
            GroupTally.Of(byRegion, row.RegionCode is { } code && knownRegions.Contains(code) ? code : UnknownRegion).Add(row);
        }

        // Sectors: those with needs, A to U, then the unknown one. Sizes and régions: every one, zeros included, the
        // unknown one only when it has needs.
        List<AnnualGroup> sectors = [.. bySector.Keys
            .OrderBy(k => k == ActivitySections.Unknown ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal)
            .Select(k => new AnnualGroup(k, ActivitySections.Label(k), bySector[k].ToFigures()))];
        List<AnnualGroup> sizes = [.. Sizes
            .Where(k => k != CompanySizes.Unknown || bySize.ContainsKey(k))
            .Select(k => new AnnualGroup(k, CompanySizes.Label(k), FiguresOf(bySize, k)))];
        List<AnnualGroup> regionGroups = [.. regions.Select(r => new AnnualGroup(r.Code, r.Name, FiguresOf(byRegion, r.Code)))];
        if (byRegion.ContainsKey(UnknownRegion))
        {
            regionGroups.Add(new AnnualGroup(UnknownRegion, "Région inconnue", FiguresOf(byRegion, UnknownRegion)));
        }

        return new AnnualReport(year, directory, totals.ToFigures(), sectors, sizes, regionGroups);
    }

    private static readonly string[] Sizes = ["0-9", "10-49", "50-249", "250+", CompanySizes.Unknown];

    private static AnnualFigures FiguresOf(Dictionary<string, AnnualTally> groups, string key) =>
        groups.TryGetValue(key, out var tally) ? tally.ToFigures() : AnnualFigures.None;

}
