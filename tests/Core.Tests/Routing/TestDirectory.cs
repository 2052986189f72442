using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Tests.Routing;

/// <summary>Small hand-made directories for routing tests: one institution per test scenario, readable at a glance.</summary>
internal static class TestDirectory
{
    public const string Treasury = "tresorerie";
    public const string Hiring = "recrutement";

    public static DirectoryDocument With(params (Antenna Antenna, Advisor[] Advisors)[] antennas) => With([], [], antennas);

    public static DirectoryDocument With(List<RoutingFilter> institutionFilters, List<string>? institutionSubjects, params (Antenna Antenna, Advisor[] Advisors)[] antennas) => new()
    {
        Themes =
        [
            new Theme
            {
                Id = "finances",
                Label = "Finances",
                Subjects = [new Subject { Id = Treasury, Label = "Trésorerie" }, new Subject { Id = Hiring, Label = "Recrutement" }],
            },
        ],
        Institutions =
        [
            new Institution
            {
                Id = "inst",
                Name = "Chambre test",
                Subjects = institutionSubjects is { Count: > 0 } ? institutionSubjects : [Treasury, Hiring],
                Filters = institutionFilters,
            },
        ],
        Antennas = [.. antennas.Select(a => a.Antenna)],
        Advisors = [.. antennas.SelectMany(a => a.Advisors)],
    };

    public static Antenna Antenna(string id, Territories? territories = null, AntennaLevel level = AntennaLevel.Local, params RoutingFilter[] filters) => new()
    {
        Id = id,
        InstitutionId = "inst",
        Name = $"Antenne {id}",
        Level = level,
        Territories = territories ?? new Territories(),
        Filters = [.. filters],
    };

    public static Advisor Advisor(string id, string antennaId, Territories? territories = null, bool active = true, string[]? subjects = null, params RoutingFilter[] filters) => new()
    {
        Id = id,
        AntennaId = antennaId,
        Name = $"Conseiller {id}",
        Email = $"{id}@example.org",
        Subjects = [.. subjects ?? [Treasury, Hiring]],
        Territories = territories,
        Active = active,
        Filters = [.. filters],
    };

    public static Territories Communes(params string[] codes) => new() { Communes = [.. codes] };

    public static Territories Epcis(params string[] codes) => new() { Epcis = [.. codes] };

    public static Territories Departements(params string[] codes) => new() { Departements = [.. codes] };

    public static Territories Regions(params string[] codes) => new() { Regions = [.. codes] };
}
