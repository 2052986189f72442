using System.Diagnostics.CodeAnalysis;

namespace ConseillersEntreprises.Core.Geography;

/// <summary>
/// The municipal arrondissements of Paris, Lyon and Marseille. Sirene (and so API Recherche d'entreprises) codes an
/// establishment's commune with the arrondissement's INSEE code; routing works on communes, so map it to the parent.
/// </summary>
public static class Arrondissements
{
    /// <summary>INSEE code of Paris.</summary>
    public const string ParisCode = "75056";

    /// <summary>INSEE code of Lyon.</summary>
    public const string LyonCode = "69123";

    /// <summary>INSEE code of Marseille.</summary>
    public const string MarseilleCode = "13055";

    /// <summary>
    /// When <paramref name="code"/> is an arrondissement code (75101–75120, 69381–69389, 13201–13216), gives the
    /// parent commune's code and name.
    /// </summary>
    public static bool TryGetParentCommune(
        string? code,
        [NotNullWhen(true)] out string? communeCode,
        [NotNullWhen(true)] out string? communeName)
    {
        communeCode = null;
        communeName = null;
        if (code is null || code.Length != 5 || !int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        (communeCode, communeName) = n switch
        {
            >= 75101 and <= 75120 => (ParisCode, "Paris"),
            >= 69381 and <= 69389 => (LyonCode, "Lyon"),
            >= 13201 and <= 13216 => (MarseilleCode, "Marseille"),
            _ => ((string?)null, (string?)null),
        };
        return communeCode is not null;
    }

    /// <summary>True when <paramref name="code"/> is the INSEE code of an arrondissement of Paris, Lyon or Marseille.</summary>
    public static bool IsArrondissement(string? code) => TryGetParentCommune(code, out _, out _);

    /// <summary>The parent commune's code for an arrondissement code; any other code (or null) comes back unchanged.</summary>
    [return: NotNullIfNotNull(nameof(code))]
    public static string? ToCommuneCode(string? code) =>
        TryGetParentCommune(code, out var parent, out _) ? parent : code;
}
