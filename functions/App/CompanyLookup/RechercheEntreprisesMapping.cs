using System.Globalization;
using System.Text.Json;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// Reads an answer of API Recherche d'entreprises (<c>GET /search?q=&lt;siret&gt;</c>) into <see cref="CompanyFacts"/>.
/// Pure: no I/O. Territory and establishment state come from the matching establishment, not from the siège.
/// </summary>
public static class RechercheEntreprisesMapping
{
    /// <summary>Found, NotFound (<c>"results": []</c>, or no result for that SIRET), or Unavailable when the JSON is not the API's shape.</summary>
    /// <param name="root">The answer's root element.</param>
    /// <param name="siret">The normalised SIRET that was asked for.</param>
    public static CompanyLookupResult Map(JsonElement root, string siret)
    {
        ArgumentNullException.ThrowIfNull(siret);
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("results", out var results)
            || results.ValueKind != JsonValueKind.Array)
        {
            return CompanyLookupResult.Unavailable("La réponse de l'API Recherche d'entreprises n'a pas la forme attendue (liste « results » absente).");
        }

        var siren = siret.Length >= Siret.SirenLength ? siret[..Siret.SirenLength] : siret;
        foreach (var company in results.EnumerateArray())
        {
            if (company.ValueKind != JsonValueKind.Object || Text(company, "siren") != siren)
            {
                continue;
            }

            if (FindEstablishment(company, siret) is { } establishment)
            {
                return CompanyLookupResult.Found(ToFacts(company, establishment, siret, siren));
            }
        }

        return CompanyLookupResult.NotFound;
    }

    private static JsonElement? FindEstablishment(JsonElement company, string siret)
    {
        if (company.TryGetProperty("matching_etablissements", out var matching) && matching.ValueKind == JsonValueKind.Array)
        {
            JsonElement? first = null;
            foreach (var establishment in matching.EnumerateArray())
            {
                if (establishment.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var establishmentSiret = Text(establishment, "siret");
                if (establishmentSiret == siret)
                {
                    return establishment;
                }

                first ??= establishmentSiret is null ? establishment : null;
            }

            if (first is not null)
            {
                return first;
            }
        }

        // Older or trimmed answers: the establishment asked for may be the siège itself.
        return company.TryGetProperty("siege", out var siege) && siege.ValueKind == JsonValueKind.Object && Text(siege, "siret") == siret
            ? siege
            : null;
    }

    private static CompanyFacts ToFacts(JsonElement company, JsonElement establishment, string siret, string siren)
    {
        var communeCode = Text(establishment, "commune");
        var communeName = Text(establishment, "libelle_commune");
        if (Arrondissements.TryGetParentCommune(communeCode, out var parentCode, out var parentName))
        {
            communeCode = parentCode;
            communeName = parentName;
        }

        var siege = company.TryGetProperty("siege", out var s) && s.ValueKind == JsonValueKind.Object ? s : (JsonElement?)null;
        var companyState = Text(company, "etat_administratif");
        var establishmentState = Text(establishment, "etat_administratif");
        var foreignCountry = (siege is { } head ? Text(head, "code_pays_etranger") : null) ?? Text(establishment, "code_pays_etranger");

        return new CompanyFacts(
            Siret: siret,
            Siren: siren,
            Name: Text(company, "nom_raison_sociale") ?? Text(company, "nom_complet"),
            CommuneCode: communeCode,
            CommuneName: communeName,
            PostalCode: Text(establishment, "code_postal"),
            NafCode: Text(company, "activite_principale"),
            HeadcountBracket: HeadcountBracket(Text(company, "tranche_effectif_salarie")),
            CreationDate: Date(Text(company, "date_creation")),
            LegalFormCode: Text(company, "nature_juridique"),
            Active: companyState == "A" && establishmentState == "A")
        {
            CompanyCeased = companyState == "C",
            EstablishmentClosed = establishmentState == "F",
            Foreign = foreignCountry is not null,
        };
    }

    /// <summary>INSEE bracket code as given, or null when unknown ("NN", empty, absent).</summary>
    public static string? HeadcountBracket(string? code) =>
        code is null || code.Length != 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]) ? null : code;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A string property, trimmed; null when absent, null, not a string or blank.</summary>
    private static string? Text(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
