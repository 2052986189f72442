using CsvHelper.Configuration.Attributes;

namespace ConseillersEntreprises.App.Reports;

/// <summary>
/// One figure of the annual report's CSV (long format: one line per group and figure). Numbers with a dot, shares as
/// decimals between 0 and 1, empty when there is none (a share without needs, a median without take-on).
/// </summary>
public sealed class AnnualReportCsvRow
{
    [Name("section")]
    public string Section { get; init; } = string.Empty;

    [Name("cle")]
    public string Key { get; init; } = string.Empty;

    [Name("libelle")]
    public string Label { get; init; } = string.Empty;

    [Name("indicateur")]
    public string Figure { get; init; } = string.Empty;

    [Name("valeur")]
    public string Value { get; init; } = string.Empty;
}
