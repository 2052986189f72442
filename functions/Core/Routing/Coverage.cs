using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>The territories an advisor answers for, prepared for lookups. National coverage means everywhere.</summary>
public sealed class Coverage
{
    private Coverage(bool national, HashSet<string> communes, HashSet<string> epcis, HashSet<string> departements, HashSet<string> regions)
    {
        IsNational = national;
        Communes = communes;
        Epcis = epcis;
        Departements = departements;
        Regions = regions;
    }

    public static Coverage National { get; } = new(true, [], [], [], []);

    public bool IsNational { get; }
    public IReadOnlySet<string> Communes { get; }
    public IReadOnlySet<string> Epcis { get; }
    public IReadOnlySet<string> Departements { get; }
    public IReadOnlySet<string> Regions { get; }

    /// <summary>Communes listed by an arrondissement or delegated code are resolved to their current commune.</summary>
    public static Coverage From(Territories territories, TerritoryIndex index)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(index);
        return new Coverage(
            national: false,
            [.. territories.Communes.Select(c => index.ResolveCommuneCode(c) ?? c.Trim())],
            [.. territories.Epcis.Select(c => c.Trim())],
            [.. territories.Departements.Select(c => c.Trim())],
            [.. territories.Regions.Select(c => c.Trim())]);
    }

    public bool Covers(Commune commune)
    {
        ArgumentNullException.ThrowIfNull(commune);
        return IsNational
            || Communes.Contains(commune.Code)
            || (commune.EpciCode is not null && Epcis.Contains(commune.EpciCode))
            || Departements.Contains(commune.DepartementCode)
            || Regions.Contains(commune.RegionCode);
    }
}
