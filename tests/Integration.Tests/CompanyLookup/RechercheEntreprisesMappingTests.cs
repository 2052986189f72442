using System.Text.Json;
using System.Text.Json.Nodes;
using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.Core.Companies;

namespace ConseillersEntreprises.Integration.Tests.CompanyLookup;

/// <summary>The pure JSON → facts mapping, on the shared fixture (/work/shared/fixtures/recherche-entreprises-siret.json) and variants of it.</summary>
public class RechercheEntreprisesMappingTests
{
    // A copy of the shared fixture: the shape of an answer for a SIRET query.
    private const string Fixture = """
        {
          "results": [
            {
              "siren": "732829320",
              "nom_complet": "MENUISERIE DUPONT",
              "nom_raison_sociale": "MENUISERIE DUPONT",
              "sigle": null,
              "nombre_etablissements": 2,
              "nombre_etablissements_ouverts": 1,
              "activite_principale": "16.23Z",
              "section_activite_principale": "C",
              "categorie_entreprise": "PME",
              "caractere_employeur": "O",
              "date_creation": "2009-04-01",
              "date_fermeture": null,
              "etat_administratif": "A",
              "nature_juridique": "5499",
              "tranche_effectif_salarie": "12",
              "annee_tranche_effectif_salarie": "2023",
              "statut_diffusion": "O",
              "siege": {
                "siret": "73282932000074",
                "est_siege": true,
                "activite_principale": "16.23Z",
                "adresse": "12 RUE DES ARTISANS 47140 PENNE-D'AGENAIS",
                "code_postal": "47140",
                "commune": "47203",
                "libelle_commune": "PENNE-D'AGENAIS",
                "departement": "47",
                "region": "75",
                "epci": "200068930",
                "date_creation": "2009-04-01",
                "etat_administratif": "A",
                "tranche_effectif_salarie": "12",
                "code_pays_etranger": null
              },
              "matching_etablissements": [
                {
                  "siret": "73282932000074",
                  "est_siege": true,
                  "activite_principale": "16.23Z",
                  "adresse": "12 RUE DES ARTISANS 47140 PENNE-D'AGENAIS",
                  "code_postal": "47140",
                  "commune": "47203",
                  "libelle_commune": "PENNE-D'AGENAIS",
                  "departement": "47",
                  "region": "75",
                  "epci": "200068930",
                  "date_creation": "2009-04-01",
                  "etat_administratif": "A",
                  "tranche_effectif_salarie": "12"
                }
              ],
              "complements": {
                "est_entrepreneur_individuel": false,
                "est_ess": false,
                "liste_idcc": ["1596"]
              }
            }
          ],
          "total_results": 1,
          "page": 1,
          "per_page": 10,
          "total_pages": 1
        }
        """;

    private const string FixtureSiret = "73282932000074";

    [Fact]
    public void The_fixture_maps_to_its_facts()
    {
        var result = Map(Fixture, FixtureSiret);

        Assert.Equal(CompanyLookupKind.Found, result.Kind);
        Assert.True(result.IsFound);
        Assert.Equal(
            new CompanyFacts("73282932000074", "732829320", "MENUISERIE DUPONT", "47203", "PENNE-D'AGENAIS", "47140", "16.23Z", "12",
                new DateOnly(2009, 4, 1), "5499", Active: true),
            result.Facts);
        Assert.False(result.Facts.CompanyCeased);
        Assert.False(result.Facts.EstablishmentClosed);
        Assert.False(result.Facts.Foreign);
    }

    [Fact]
    public void Territory_and_state_come_from_the_matching_establishment_not_the_siege()
    {
        var json = Edit(Fixture, company =>
        {
            var establishment = company["matching_etablissements"]![0]!;
            establishment["siret"] = "73282932000116";
            establishment["est_siege"] = false;
            establishment["commune"] = "69383";
            establishment["libelle_commune"] = "LYON 3EME";
            establishment["code_postal"] = "69003";
            establishment["etat_administratif"] = "F";
        });

        var result = Map(json, "73282932000116");

        Assert.True(result.IsFound);
        Assert.Equal("73282932000116", result.Facts.Siret);
        Assert.Equal("69123", result.Facts.CommuneCode);
        Assert.Equal("Lyon", result.Facts.CommuneName);
        Assert.Equal("69003", result.Facts.PostalCode);
        Assert.True(result.Facts.EstablishmentClosed);
        Assert.False(result.Facts.CompanyCeased);
        Assert.False(result.Facts.Active);
    }

    [Theory]
    [InlineData("75115", "75056", "Paris")]
    [InlineData("13201", "13055", "Marseille")]
    [InlineData("69389", "69123", "Lyon")]
    [InlineData("2A004", "2A004", "AJACCIO")]
    public void Arrondissements_are_mapped_to_their_commune(string commune, string expectedCode, string expectedName)
    {
        var json = Edit(Fixture, company =>
        {
            company["matching_etablissements"]![0]!["commune"] = commune;
            company["matching_etablissements"]![0]!["libelle_commune"] = expectedName == "AJACCIO" ? "AJACCIO" : "ARRONDISSEMENT";
        });

        var facts = Map(json, FixtureSiret).Facts;

        Assert.NotNull(facts);
        Assert.Equal(expectedCode, facts.CommuneCode);
        Assert.Equal(expectedName, facts.CommuneName);
    }

    [Theory]
    [InlineData("\"NN\"", null)]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    [InlineData("\"00\"", "00")]
    [InlineData("\"53\"", "53")]
    public void Headcount_bracket_unknown_is_null(string bracketJson, string? expected)
    {
        var json = Edit(Fixture, company => company["tranche_effectif_salarie"] = JsonNode.Parse(bracketJson));

        Assert.Equal(expected, Map(json, FixtureSiret).Facts?.HeadcountBracket);
    }

    [Fact]
    public void A_ceased_company_is_not_active()
    {
        var json = Edit(Fixture, company =>
        {
            company["etat_administratif"] = "C";
            company["matching_etablissements"]![0]!["etat_administratif"] = "F";
        });

        var facts = Map(json, FixtureSiret).Facts!;

        Assert.True(facts.CompanyCeased);
        Assert.True(facts.EstablishmentClosed);
        Assert.False(facts.Active);
    }

    [Fact]
    public void A_foreign_siege_makes_the_company_foreign()
    {
        var json = Edit(Fixture, company => company["siege"]!["code_pays_etranger"] = "99109");

        Assert.True(Map(json, FixtureSiret).Facts!.Foreign);
    }

    [Fact]
    public void Missing_facts_are_null()
    {
        var json = Edit(Fixture, company =>
        {
            company.Remove("activite_principale");
            company["date_creation"] = null;
            company["nature_juridique"] = null;
            company["nom_raison_sociale"] = null;
            company["nom_complet"] = "JEAN DUPONT";
        });

        var facts = Map(json, FixtureSiret).Facts!;

        Assert.Null(facts.NafCode);
        Assert.Null(facts.CreationDate);
        Assert.Null(facts.LegalFormCode);
        Assert.Equal("JEAN DUPONT", facts.Name);
    }

    [Fact]
    public void No_results_is_not_found()
    {
        const string json = """{"results":[],"total_results":0,"page":1,"per_page":10,"total_pages":0}""";

        Assert.Equal(CompanyLookupKind.NotFound, Map(json, FixtureSiret).Kind);
    }

    [Fact]
    public void A_result_for_another_company_is_not_found()
    {
        Assert.Equal(CompanyLookupKind.NotFound, Map(Fixture, "55210055400013").Kind);
    }

    [Fact]
    public void A_result_without_that_establishment_is_not_found()
    {
        Assert.Equal(CompanyLookupKind.NotFound, Map(Fixture, "73282932000116").Kind);
    }

    [Theory]
    [InlineData("""{"erreur":"oops"}""")]
    [InlineData("""[]""")]
    [InlineData("""{"results":{}}""")]
    public void An_unexpected_shape_is_unavailable(string json)
    {
        var result = Map(json, FixtureSiret);

        Assert.True(result.IsUnavailable);
        Assert.Contains("forme attendue", result.Reason, StringComparison.Ordinal);
    }

    private static CompanyLookupResult Map(string json, string siret)
    {
        using var document = JsonDocument.Parse(json);
        return RechercheEntreprisesMapping.Map(document.RootElement, siret);
    }

    private static string Edit(string json, Action<JsonObject> editFirstResult)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        editFirstResult(root["results"]![0]!.AsObject());
        return root.ToJsonString();
    }
}
