using System.Globalization;
using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.Core.Reports;

namespace ConseillersEntreprises.App.Reports;

/// <summary>
/// The annual report as CSV, semicolon-separated, UTF-8 with BOM, French headers like the stats CSV. Long format
/// (<c>section;cle;libelle;indicateur;valeur</c>, one line per figure of each group) rather than one table per section:
/// one header that every spreadsheet and script reads, the directory's counts and the year fit the same columns as
/// the needs' figures, a pivot table gives any view, and a figure added later is new lines, not a shifted column.
/// </summary>
public static class AnnualReportCsv
{
    public static byte[] Export(AnnualReport report) => CsvSheet.Write(Rows(report));

    public static IEnumerable<AnnualReportCsvRow> Rows(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var directory = report.Directory;
        var countedOn = directory.CountedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return Row("rapport", "annee", "Année du rapport", "annee", report.Year);
        yield return new AnnualReportCsvRow { Section = "rapport", Key = "annuaire", Label = "Date du décompte de l'annuaire", Figure = "date", Value = countedOn };
        yield return Row("annuaire", "institutions", "Institutions partenaires (à la date du rapport)", "nombre", directory.Institutions);
        yield return Row("annuaire", "antennes", "Antennes (à la date du rapport)", "nombre", directory.Antennas);
        yield return Row("annuaire", "conseillers", "Conseillers actifs (à la date du rapport)", "nombre", directory.Advisors);
        foreach (var row in Figures("ensemble", "france", "Ensemble", report.Totals))
        {
            yield return row;
        }

        foreach (var (section, groups) in new[] { ("secteur", report.BySector), ("taille", report.BySize), ("region", report.ByRegion) })
        {
            foreach (var group in groups)
            {
                foreach (var row in Figures(section, group.Key, group.Label, group.Figures))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<AnnualReportCsvRow> Figures(string section, string key, string label, AnnualFigures f)
    {
        yield return Row(section, key, label, "entreprises", f.Companies);
        yield return Row(section, key, label, "besoins", f.Needs);
        yield return Row(section, key, label, "transmis", f.Transmitted);
        yield return Row(section, key, label, "part_transmis", f.TransmittedShare);
        yield return Row(section, key, label, "pris_en_charge", f.TakenOn);
        yield return Row(section, key, label, "taux_de_prise_en_charge", f.TakenOnShare);
        yield return Row(section, key, label, "delai_median_premiere_prise_en_charge_jours", f.MedianDaysToFirstTakeOn);
        yield return Row(section, key, label, "clotures_avec_aide", f.Helped);
        yield return Row(section, key, label, "part_clotures_avec_aide", f.HelpedShare);
    }

    private static AnnualReportCsvRow Row(string section, string key, string label, string figure, double? value) => new()
    {
        Section = section,
        Key = key,
        Label = label,
        Figure = figure,
        Value = value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
