using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>The company establishment a need is about, as known at submission.</summary>
public sealed record NeedCompany
{
    /// <summary>Establishment SIRET (14 digits); null for a company not yet registered (being created or taken over).</summary>
    public string? Siret { get; init; }

    /// <summary>
    /// Company name; null when the lookup could not give it and the form did not either. For a company not yet
    /// registered, the name of the company or of the project, as the person gave it.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>INSEE code of the commune the need was routed on.</summary>
    public required string CommuneCode { get; init; }

    public string? CommuneName { get; init; }

    /// <summary>NAF/APE code when known, for the statistics by sector.</summary>
    public string? NafCode { get; init; }

    /// <summary>INSEE headcount bracket when known, for the statistics by company size.</summary>
    public string? HeadcountBracket { get; init; }

    /// <summary>No SIRET yet: advisors are told the company is not yet registered.</summary>
    [JsonIgnore]
    public bool IsRegistered => Siret is not null;

    /// <summary>
    /// False when the registry could not confirm these facts at submission (lookup down: name and commune as the company
    /// typed them); true when it did; null when not recorded (needs submitted before it was).
    /// </summary>
    public bool? Verified { get; init; }
}
