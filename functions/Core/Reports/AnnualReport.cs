namespace ConseillersEntreprises.Core.Reports;

/// <summary>
/// The annual report for the State (DGE/DGEFP, PRODUCT.md) of one calendar year: the needs submitted from January to
/// December (Paris months) and their companies, by sector (NAF sections with needs, in nomenclature order), by size
/// (every size) and by région (every région); and who is on the platform at the report's date.
/// </summary>
public sealed record AnnualReport(
    int Year,
    AnnualDirectoryCounts Directory,
    AnnualFigures Totals,
    IReadOnlyList<AnnualGroup> BySector,
    IReadOnlyList<AnnualGroup> BySize,
    IReadOnlyList<AnnualGroup> ByRegion)
{
    /// <summary>The first year a report may be asked for.</summary>
    public const int FirstYear = 2000;

    /// <summary>The first month of the year, "yyyy-01" (the stats projection's partition).</summary>
    public string FromMonth => $"{Year:D4}-01";

    /// <summary>The last month of the year, "yyyy-12".</summary>
    public string ToMonth => $"{Year:D4}-12";
}
