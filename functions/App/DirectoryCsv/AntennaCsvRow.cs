using CsvHelper.Configuration.Attributes;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// One antenna as a spreadsheet row, with French headers. Lists are separated by "|", as in the advisors' sheet; a
/// manager reads "Nom <email>". The institution's name is there for reading; on import only <see cref="InstitutionId"/> counts.
/// </summary>
public sealed class AntennaCsvRow
{
    [Name("id")] public string Id { get; set; } = string.Empty;
    [Name("institution_id")] public string InstitutionId { get; set; } = string.Empty;
    [Name("institution")] public string? InstitutionName { get; set; }
    [Name("nom")] public string Name { get; set; } = string.Empty;
    [Name("niveau")] public string Level { get; set; } = "local";
    [Name("communes")] public string? Communes { get; set; }
    [Name("epci")] public string? Epcis { get; set; }
    [Name("departements")] public string? Departements { get; set; }
    [Name("regions")] public string? Regions { get; set; }
    [Name("responsables")] public string? Managers { get; set; }
}
