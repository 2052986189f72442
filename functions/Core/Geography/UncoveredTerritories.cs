using System.Globalization;
using System.Text;

namespace ConseillersEntreprises.Core.Geography;

/// <summary>
/// Places people type that the service does not cover, so that they get told so instead of an empty list: the
/// collectivités d'outre-mer (the service covers metropolitan France and the five DROM, as the territory data does)
/// and Monaco. Recognised by INSEE code, postal code or an unambiguous name ("Saint-Pierre" or "Saint-Martin" alone
/// are also communes of metropolitan France and of the DROM, so they are not names here).
/// The site's commune search has the same list (site/js/uncovered.js).
/// </summary>
public static class UncoveredTerritories
{
    /// <summary>Longest prefixes first, so that a postal code wins over its département's prefix.</summary>
    private static readonly (string Prefix, UncoveredTerritory Territory)[] Codes =
    [
        ("97133", UncoveredTerritory.SaintBarthelemy), // postal code (the INSEE code 97133 is Vieux-Fort, covered: looked up first)
        ("97150", UncoveredTerritory.SaintMartin),
        ("98000", UncoveredTerritory.Monaco),
        ("975", UncoveredTerritory.SaintPierreEtMiquelon), // INSEE 97501-97502, postal code 97500
        ("977", UncoveredTerritory.SaintBarthelemy),
        ("978", UncoveredTerritory.SaintMartin),
        ("986", UncoveredTerritory.WallisEtFutuna),
        ("987", UncoveredTerritory.Polynesie),
        ("988", UncoveredTerritory.NouvelleCaledonie),
        ("989", UncoveredTerritory.Clipperton),
    ];

    private static readonly Dictionary<string, UncoveredTerritory> Names = new(StringComparer.Ordinal)
    {
        ["saint pierre et miquelon"] = UncoveredTerritory.SaintPierreEtMiquelon,
        ["miquelon"] = UncoveredTerritory.SaintPierreEtMiquelon,
        ["miquelon langlade"] = UncoveredTerritory.SaintPierreEtMiquelon,
        ["saint barthelemy"] = UncoveredTerritory.SaintBarthelemy,
        ["saint barth"] = UncoveredTerritory.SaintBarthelemy,
        ["wallis"] = UncoveredTerritory.WallisEtFutuna,
        ["futuna"] = UncoveredTerritory.WallisEtFutuna,
        ["wallis et futuna"] = UncoveredTerritory.WallisEtFutuna,
        ["mata utu"] = UncoveredTerritory.WallisEtFutuna,
        ["polynesie"] = UncoveredTerritory.Polynesie,
        ["polynesie francaise"] = UncoveredTerritory.Polynesie,
        ["tahiti"] = UncoveredTerritory.Polynesie,
        ["papeete"] = UncoveredTerritory.Polynesie,
        ["nouvelle caledonie"] = UncoveredTerritory.NouvelleCaledonie,
        ["noumea"] = UncoveredTerritory.NouvelleCaledonie,
        ["monaco"] = UncoveredTerritory.Monaco,
    };

    /// <summary>The uncovered territory <paramref name="query"/> names (a code of 5 characters, or a name), or null.</summary>
    public static UncoveredTerritory? Find(string? query)
    {
        var text = query?.Trim() ?? string.Empty;
        if (text.Length == 5 && text.All(char.IsAsciiDigit))
        {
            foreach (var (prefix, territory) in Codes)
            {
                if (text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return territory;
                }
            }

            return null;
        }

        return Names.TryGetValue(Normalize(text), out var named) ? named : null;
    }

    /// <summary>What the person reads: why, and where to turn instead.</summary>
    public static string Message(UncoveredTerritory territory) => territory == UncoveredTerritory.Monaco
        ? "Monaco n'est pas en France : le service s'adresse aux entreprises établies en France."
        : $"Conseillers-Entreprises ne couvre pas {Name(territory)} : le service s'adresse aux entreprises de métropole et "
          + "des départements d'outre-mer (Guadeloupe, Martinique, Guyane, La Réunion, Mayotte). Adressez-vous à la chambre de "
          + "commerce et d'industrie ou aux services de votre collectivité.";

    /// <summary>The territory's name as it reads after "ne couvre pas".</summary>
    public static string Name(UncoveredTerritory territory) => territory switch
    {
        UncoveredTerritory.SaintPierreEtMiquelon => "Saint-Pierre-et-Miquelon",
        UncoveredTerritory.SaintBarthelemy => "Saint-Barthélemy",
        UncoveredTerritory.SaintMartin => "Saint-Martin",
        UncoveredTerritory.WallisEtFutuna => "Wallis-et-Futuna",
        UncoveredTerritory.Polynesie => "la Polynésie française",
        UncoveredTerritory.NouvelleCaledonie => "la Nouvelle-Calédonie",
        UncoveredTerritory.Clipperton => "l'île de Clipperton",
        UncoveredTerritory.Monaco => "Monaco",
        _ => throw new ArgumentOutOfRangeException(nameof(territory), territory, "Unknown territory."),
    };

    /// <summary>Lower case, no accents, hyphens and apostrophes as spaces, "st" as "saint".</summary>
    private static string Normalize(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w == "st" ? "saint" : w);
        return string.Join(' ', words);
    }
}
