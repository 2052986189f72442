using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.App.Coverage;

/// <summary>A subject's coverage as CSV for spreadsheets: semicolon-separated, UTF-8 with BOM, French headers, by département then commune.</summary>
public static class CoverageCsv
{
    public const string Uncovered = "sans conseiller";

    public const string Overlap = "plusieurs conseillers d'une même institution";

    public static byte[] Export(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CsvSheet.Write(report.Departements.SelectMany(Rows));
    }

    private static IEnumerable<CoverageCsvRow> Rows(DepartementCoverage departement)
    {
        var uncovered = departement.Uncovered.Select(c => (c.Code, Row: new CoverageCsvRow
        {
            DepartementCode = departement.Code,
            Departement = departement.Name,
            CommuneCode = c.Code,
            Commune = c.Name,
            Finding = Uncovered,
        }));
        var overlaps = departement.Overlaps.SelectMany(o => o.Communes.Select(c => (c.Code, Row: new CoverageCsvRow
        {
            DepartementCode = departement.Code,
            Departement = departement.Name,
            CommuneCode = c.Code,
            Commune = c.Name,
            Finding = Overlap,
            Institution = o.InstitutionName,
            AdvisorCount = o.Advisors.Count,
            Advisors = string.Join('|', o.Advisors.Select(a => $"{a.AdvisorName} ({a.AntennaName})")),
        })));
        return uncovered.Concat(overlaps).OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Row);
    }
}
