using System.Globalization;
using System.Text;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.DemoData;

/// <summary>The few geographic views the generator needs, computed once from the <see cref="TerritoryIndex"/>.</summary>
internal sealed class DemoGeography
{
    private readonly TerritoryIndex _index;
    private readonly Dictionary<string, List<string>> _departementsOfRegion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _epcisInside = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _communeCodes = new(StringComparer.Ordinal);

    public DemoGeography(TerritoryIndex index)
    {
        _index = index;
        Departements = [.. index.DepartementCodes.Order(StringComparer.Ordinal)];
        Regions = [.. index.RegionCodes.Order(StringComparer.Ordinal)];
        foreach (var departement in Departements)
        {
            var region = index.RegionOfDepartement(departement);
            if (region is null)
            {
                continue;
            }

            if (!_departementsOfRegion.TryGetValue(region, out var list))
            {
                _departementsOfRegion[region] = list = [];
            }

            list.Add(departement);
        }
    }

    public IReadOnlyList<string> Departements { get; }

    public IReadOnlyList<string> Regions { get; }

    public string DepartementName(string code) => _index.DepartementName(code) ?? code;

    public string RegionName(string code) => _index.RegionName(code) ?? code;

    public string? RegionOf(string departement) => _index.RegionOfDepartement(departement);

    public IReadOnlyList<string> DepartementsOfRegion(string region) =>
        _departementsOfRegion.TryGetValue(region, out var list) ? list : [];

    /// <summary>Overseas régions have one-digit COG codes written "01".."06".</summary>
    public static bool IsOverseasRegion(string region) => region.Length == 2 && region[0] == '0';

    public Commune? FindCommune(string code) => _index.FindCommune(code);

    public IReadOnlyList<Commune> CommunesOfDepartement(string departement) => _index.CommunesOfDepartement(departement);

    public IReadOnlyList<Commune> CommunesOfEpci(string epci) => _index.CommunesOfEpci(epci);

    /// <summary>Commune codes of a département, sorted by code.</summary>
    public IReadOnlyList<string> CommuneCodes(string departement)
    {
        if (!_communeCodes.TryGetValue(departement, out var codes))
        {
            codes = [.. _index.CommunesOfDepartement(departement).Select(c => c.Code).Order(StringComparer.Ordinal)];
            _communeCodes[departement] = codes;
        }

        return codes;
    }

    /// <summary>EPCIs all of whose communes lie in the département, sorted by SIREN.</summary>
    public IReadOnlyList<string> EpcisInside(string departement)
    {
        if (!_epcisInside.TryGetValue(departement, out var epcis))
        {
            epcis =
            [
                .. _index.CommunesOfDepartement(departement)
                    .Select(c => c.EpciCode)
                    .OfType<string>()
                    .Distinct(StringComparer.Ordinal)
                    .Where(epci => _index.IsEpci(epci) && IsInside(epci, departement))
                    .Order(StringComparer.Ordinal),
            ];
            _epcisInside[departement] = epcis;
        }

        return epcis;
    }

    public bool IsInside(string epci, string departement) =>
        _index.CommunesOfEpci(epci).All(c => string.Equals(c.DepartementCode, departement, StringComparison.Ordinal));

    /// <summary>Lower-case ASCII kebab-case slug: "Provence-Alpes-Côte d'Azur" gives "provence-alpes-cote-d-azur".</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            string? letters = c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                _ when char.IsAsciiLetterOrDigit(c) => char.ToLowerInvariant(c).ToString(),
                _ => null,
            };
            if (letters is null)
            {
                pendingDash = builder.Length > 0;
                continue;
            }

            if (pendingDash)
            {
                builder.Append('-');
                pendingDash = false;
            }

            builder.Append(letters);
        }

        return builder.ToString();
    }
}
