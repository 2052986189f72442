namespace ConseillersEntreprises.Core.Geography;

/// <summary>A current French commune (commune actuelle) with the territories it belongs to.</summary>
/// <param name="Code">INSEE code (COG), e.g. "69123" for Lyon.</param>
/// <param name="Name">Official name, with accents.</param>
/// <param name="PostalCodes">Postal codes serving the commune (a commune may have several; one may serve several communes).</param>
/// <param name="EpciCode">SIREN of the EPCI with its own tax status it belongs to; null for the few communes outside any (islands).</param>
/// <param name="DepartementCode">Département code, e.g. "69", "2A", "971".</param>
/// <param name="RegionCode">Région code (COG), e.g. "84".</param>
public sealed record Commune(
    string Code,
    string Name,
    IReadOnlyList<string> PostalCodes,
    string? EpciCode,
    string DepartementCode,
    string RegionCode);
