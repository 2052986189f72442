namespace ConseillersEntreprises.Core.Geography;

/// <summary>A territory the service does not cover (<see cref="UncoveredTerritories"/>).</summary>
public enum UncoveredTerritory
{
    SaintPierreEtMiquelon,
    SaintBarthelemy,
    SaintMartin,
    WallisEtFutuna,
    Polynesie,
    NouvelleCaledonie,
    Clipperton,
    Monaco,
}
