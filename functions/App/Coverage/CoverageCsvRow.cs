using CsvHelper.Configuration.Attributes;

namespace ConseillersEntreprises.App.Coverage;

/// <summary>
/// One commune of a subject's coverage as a spreadsheet row: without advisor, or one institution with several (one row
/// per such institution, its advisors separated by "|").
/// </summary>
public sealed class CoverageCsvRow
{
    [Name("departement_code")] public string DepartementCode { get; set; } = string.Empty;
    [Name("departement")] public string Departement { get; set; } = string.Empty;
    [Name("commune_code")] public string CommuneCode { get; set; } = string.Empty;
    [Name("commune")] public string Commune { get; set; } = string.Empty;
    [Name("constat")] public string Finding { get; set; } = string.Empty;
    [Name("institution")] public string? Institution { get; set; }
    [Name("nombre_conseillers")] public int AdvisorCount { get; set; }
    [Name("conseillers")] public string? Advisors { get; set; }
}
