using CsvHelper.Configuration.Attributes;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// One advisor as a spreadsheet row, with French headers. Lists are separated by "|". The institution and antenna
/// names are there for reading; on import only <see cref="AntennaId"/> counts.
/// </summary>
public sealed class AdvisorCsvRow
{
    [Name("id")] public string Id { get; set; } = string.Empty;
    [Name("antenne_id")] public string AntennaId { get; set; } = string.Empty;
    [Name("antenne")] public string? AntennaName { get; set; }
    [Name("institution")] public string? InstitutionName { get; set; }
    [Name("nom")] public string Name { get; set; } = string.Empty;
    [Name("email")] public string Email { get; set; } = string.Empty;
    [Name("telephone")] public string? Phone { get; set; }
    [Name("actif")] public string Active { get; set; } = "oui";
    [Name("sujets")] public string Subjects { get; set; } = string.Empty;
    [Name("communes_specifiques")] public string? Communes { get; set; }
    [Name("epci_specifiques")] public string? Epcis { get; set; }
    [Name("departements_specifiques")] public string? Departements { get; set; }
    [Name("regions_specifiques")] public string? Regions { get; set; }
}
