using System.Globalization;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>A fictional establishment with the facts API Recherche d'entreprises would give.</summary>
internal sealed record FakeCompany(
    int Index,
    string Siret,
    string Name,
    string Activity,
    Commune Commune,
    string NafCode,
    string HeadcountBracket,
    string LegalFormCode,
    DateOnly CreationDate,
    string Street)
{
    public string Siren => Siret[..9];

    public string PostalCode => Commune.PostalCodes.Count > 0 ? Commune.PostalCodes[0] : Commune.Code;
}

/// <summary>
/// Deterministic companies: company k always has the same SIRET and facts for a given seed, so that the fake API
/// (one process) and the driver (another) agree without sharing anything but the seed. Communes are drawn
/// département first, then commune, so that needs spread over the whole of France (overseas included).
/// </summary>
internal sealed class CompanyPool
{
    private const int SirenBase = 30_000_000;

    private static readonly (string Naf, string Activity)[] Activities =
    [
        ("10.71C", "BOULANGERIE"), ("43.22A", "PLOMBERIE CHAUFFAGE"), ("56.10A", "RESTAURANT"), ("47.11B", "EPICERIE"),
        ("62.01Z", "SOLUTIONS INFORMATIQUES"), ("16.23Z", "MENUISERIE"), ("45.20A", "GARAGE"), ("96.02A", "SALON DE COIFFURE"),
        ("41.20A", "CONSTRUCTIONS"), ("69.20Z", "CABINET COMPTABLE"), ("25.62B", "MECANIQUE DE PRECISION"),
        ("49.41A", "TRANSPORTS"), ("55.10Z", "HOTEL"), ("71.12B", "BUREAU D'ETUDES"), ("01.21Z", "DOMAINE VITICOLE"),
        ("47.73Z", "PHARMACIE"), ("43.21A", "ELECTRICITE GENERALE"), ("10.13B", "CHARCUTERIE"), ("74.10Z", "STUDIO DE DESIGN"),
        ("33.12Z", "MAINTENANCE INDUSTRIELLE"),
    ];

    private static readonly string[] FamilyNames =
    [
        "MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON",
        "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD",
        "ANDRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANCOIS", "MARTINEZ", "LEGRAND", "NGUYEN", "HOARAU", "PAYET",
    ];

    // INSEE brackets: 00 none, 01 1-2, 02 3-5, 03 6-9, 11 10-19, 12 20-49, 21 50-99, 22 100-199, NN unknown.
    private static readonly string[] Headcounts = ["00", "01", "01", "02", "02", "03", "03", "11", "11", "12", "21", "22", "NN"];

    // SARL, SAS, SASU, EURL, entrepreneur individuel.
    private static readonly string[] LegalForms = ["5499", "5710", "5720", "5498", "1000"];

    private static readonly string[] Streets = ["RUE DE LA REPUBLIQUE", "AVENUE JEAN JAURES", "RUE DU MOULIN", "ZA LES PRES", "PLACE DE L'EGLISE", "ROUTE NATIONALE"];

    private readonly TerritoryIndex _territories;
    private readonly int _seed;

    public CompanyPool(TerritoryIndex territories, int seed)
    {
        _territories = territories;
        _seed = seed;
    }

    public FakeCompany Get(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index)); // not HashCode: it is salted per process
        var departements = _territories.DepartementCodes;
        Commune? commune = null;
        while (commune is null)
        {
            var communes = _territories.CommunesOfDepartement(departements[random.Next(departements.Count)]);
            commune = communes.Count > 0 ? communes[random.Next(communes.Count)] : null;
        }

        var (naf, activity) = Activities[random.Next(Activities.Length)];
        var family = FamilyNames[random.Next(FamilyNames.Length)];
        return new FakeCompany(
            index,
            MakeSiret(index),
            $"{activity} {family}",
            activity,
            commune,
            naf,
            Headcounts[random.Next(Headcounts.Length)],
            LegalForms[random.Next(LegalForms.Length)],
            new DateOnly(1985, 1, 1).AddDays(random.Next(14_000)),
            $"{random.Next(1, 120)} {Streets[random.Next(Streets.Length)]}");
    }

    /// <summary>Company index of a SIRET made by <see cref="MakeSiret"/>; null for any other number.</summary>
    public static int? IndexOf(string siret)
    {
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit) || !int.TryParse(siret.AsSpan(0, 8), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var index = n - SirenBase;
        return index >= 0 && MakeSiret(index) == siret ? index : null;
    }

    /// <summary>A valid SIRET (Luhn on SIREN and SIRET): SIREN 3xxxxxxx + check digit, NIC 0001 + check digit.</summary>
    public static string MakeSiret(int index)
    {
        var siren = WithLuhnDigit((SirenBase + index).ToString("D8", CultureInfo.InvariantCulture));
        return WithLuhnDigit(siren + "0001");
    }

    private static string WithLuhnDigit(string digits)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = digits + check.ToString(CultureInfo.InvariantCulture);
            if (PassesLuhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unreachable: one check digit always completes a Luhn number.");
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
