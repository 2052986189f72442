using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Directory;

/// <summary>
/// The whole directory as exchanged with operators (API.md, "Directory JSON"): the catalogue, institutions,
/// antennas and advisors. It is validated as a whole before it is stored (see <see cref="DirectoryValidator"/>).
/// </summary>
public sealed record DirectoryDocument
{
    public List<Theme> Themes { get; init; } = [];
    public List<Institution> Institutions { get; init; } = [];
    public List<Antenna> Antennas { get; init; } = [];
    public List<Advisor> Advisors { get; init; } = [];
}

public sealed record Theme
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string? Description { get; init; }
    public List<Subject> Subjects { get; init; } = [];
}

public sealed record Subject
{
    public required string Id { get; init; }
    public required string Label { get; init; }
    public string? Description { get; init; }

    /// <summary>
    /// The operators' own words for this subject (synonyms, abbreviations, everyday phrasings), used by the subject
    /// suggestions beside the label and description. Absent when none.
    /// </summary>
    public List<string>? Keywords { get; init; }
}

public sealed record Institution
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The institution's subject catalogue: its advisors may only be competent on these.</summary>
    public List<string> Subjects { get; init; } = [];
    public List<RoutingFilter> Filters { get; init; } = [];

    /// <summary>
    /// The https origins of the partner's pages that may embed the need form (<c>?embed=1</c>): listed in those pages'
    /// <c>frame-ancestors</c>. Absent for an institution that embeds nothing.
    /// </summary>
    public List<string>? EmbedOrigins { get; init; }
}

public sealed record Antenna
{
    public required string Id { get; init; }
    public required string InstitutionId { get; init; }
    public required string Name { get; init; }
    public AntennaLevel Level { get; init; } = AntennaLevel.Local;
    public Territories Territories { get; init; } = new();
    public List<Manager> Managers { get; init; } = [];
    public List<RoutingFilter> Filters { get; init; } = [];
}

public enum AntennaLevel
{
    Local,
    Regional,
    National,
}

public sealed record Manager
{
    public required string Name { get; init; }
    public required string Email { get; init; }
}

public sealed record Advisor
{
    public required string Id { get; init; }
    public required string AntennaId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    /// <summary>False for an advisor who left: kept for history, never routed to. Defaults to true.</summary>
    public bool Active { get; init; } = true;
    public List<string> Subjects { get; init; } = [];
    /// <summary>Specific territories ("territoires spécifiques"): when set, they REPLACE the antenna's.</summary>
    public Territories? Territories { get; init; }
    public List<RoutingFilter> Filters { get; init; } = [];
}

/// <summary>Territories covered, by INSEE/COG codes. A commune matches when it, its EPCI, département or région is listed.</summary>
public sealed record Territories
{
    public List<string> Communes { get; init; } = [];
    public List<string> Epcis { get; init; } = [];
    public List<string> Departements { get; init; } = [];
    public List<string> Regions { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => Communes.Count == 0 && Epcis.Count == 0 && Departements.Count == 0 && Regions.Count == 0;
}

/// <summary>
/// A routing filter on an institution, antenna or advisor. Every filter that applies must pass. A filter applies
/// to every subject, or only to <see cref="Subjects"/> when that list is not empty. Unknown company data fails any
/// criterion that needs it.
/// </summary>
public sealed record RoutingFilter
{
    public List<string>? Subjects { get; init; }
    /// <summary>Minimum company age in whole years.</summary>
    public int? MinYears { get; init; }
    /// <summary>Maximum company age in whole years.</summary>
    public int? MaxYears { get; init; }
    /// <summary>Minimum headcount (employees): the company's whole INSEE bracket must be at or above it.</summary>
    public int? MinHeadcount { get; init; }
    /// <summary>Maximum headcount (employees): the company's whole INSEE bracket must be at or below it.</summary>
    public int? MaxHeadcount { get; init; }
    /// <summary>NAF codes or prefixes (with or without the dot: "56", "56.10", "5610A").</summary>
    public List<string>? AcceptedNaf { get; init; }
    public List<string>? ExcludedNaf { get; init; }
    public List<string>? ExcludedCommunes { get; init; }
    /// <summary>Legal form codes or prefixes ("5499", "54", "1").</summary>
    public List<string>? AcceptedLegalForms { get; init; }
    public List<string>? ExcludedLegalForms { get; init; }
}
