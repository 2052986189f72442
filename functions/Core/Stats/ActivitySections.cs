using System.Globalization;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>The 21 sections (A to U) of the French activity nomenclature (NAF rév. 2), from the code's two-digit division.</summary>
public static class ActivitySections
{
    public const string Unknown = "inconnu";

    // (first division, last division, section, label), in order.
    private static readonly (int First, int Last, string Key, string Label)[] Sections =
    [
        (1, 3, "A", "Agriculture, sylviculture et pêche"),
        (5, 9, "B", "Industries extractives"),
        (10, 33, "C", "Industrie manufacturière"),
        (35, 35, "D", "Production et distribution d'électricité, de gaz et de vapeur"),
        (36, 39, "E", "Eau, assainissement, gestion des déchets et dépollution"),
        (41, 43, "F", "Construction"),
        (45, 47, "G", "Commerce, réparation d'automobiles et de motocycles"),
        (49, 53, "H", "Transports et entreposage"),
        (55, 56, "I", "Hébergement et restauration"),
        (58, 63, "J", "Information et communication"),
        (64, 66, "K", "Activités financières et d'assurance"),
        (68, 68, "L", "Activités immobilières"),
        (69, 75, "M", "Activités spécialisées, scientifiques et techniques"),
        (77, 82, "N", "Activités de services administratifs et de soutien"),
        (84, 84, "O", "Administration publique"),
        (85, 85, "P", "Enseignement"),
        (86, 88, "Q", "Santé humaine et action sociale"),
        (90, 93, "R", "Arts, spectacles et activités récréatives"),
        (94, 96, "S", "Autres activités de services"),
        (97, 98, "T", "Activités des ménages en tant qu'employeurs"),
        (99, 99, "U", "Activités extra-territoriales"),
    ];

    /// <summary>"56.10A" → "I"; blank or unknown codes → <see cref="Unknown"/>.</summary>
    public static string KeyOf(string? nafCode)
    {
        if (nafCode is not { Length: >= 2 } || !int.TryParse(nafCode.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var division))
        {
            return Unknown;
        }

        foreach (var section in Sections)
        {
            if (division >= section.First && division <= section.Last)
            {
                return section.Key;
            }
        }

        return Unknown;
    }

    public static string Label(string key)
    {
        foreach (var section in Sections)
        {
            if (section.Key == key)
            {
                return section.Label;
            }
        }

        return "Secteur inconnu";
    }
}
