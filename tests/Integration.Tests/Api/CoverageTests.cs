using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>
/// The coverage of a subject on the harness's known directory: Urssaf (conseiller-0 and conseiller-2) and Banque de
/// France (conseiller-1) over Lot-et-Garonne only.
/// </summary>
public sealed class CoverageTests
{
    [Fact]
    public async Task Communes_without_advisor_and_those_where_one_institution_has_several_come_by_departement_as_json_and_csv()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 3);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var territories = TerritoryIndex.LoadEmbedded();
        var lotEtGaronne = territories.CommunesOfDepartement("47").Count;

        var report = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/coverage?subjectId={WorkflowHarness.Subject}");

        Assert.Equal(territories.Communes.Count, report.GetProperty("communeCount").GetInt32());
        Assert.Equal(territories.Communes.Count - lotEtGaronne, report.GetProperty("uncoveredCount").GetInt32());
        Assert.Equal(lotEtGaronne, report.GetProperty("overlapCount").GetInt32());
        var departements = report.GetProperty("departements").EnumerateArray().ToList();
        var lot = Assert.Single(departements, d => d.GetProperty("code").GetString() == "47");
        Assert.Equal("Lot-et-Garonne", lot.GetProperty("name").GetString());
        Assert.Empty(lot.GetProperty("uncovered").EnumerateArray());
        // Banque de France has one advisor only; Urssaf's two cover every commune of the département: one overlap.
        Assert.Equal(lotEtGaronne, lot.GetProperty("overlapCount").GetInt32());
        var urssaf = Assert.Single(lot.GetProperty("overlaps").EnumerateArray());
        Assert.Equal("Urssaf", urssaf.GetProperty("institutionName").GetString());
        Assert.Equal(["conseiller-0", "conseiller-2"], urssaf.GetProperty("advisors").EnumerateArray().Select(a => a.GetProperty("advisorId").GetString()));
        Assert.Equal(lotEtGaronne, urssaf.GetProperty("communes").GetArrayLength());
        Assert.Contains(urssaf.GetProperty("communes").EnumerateArray(), c => c.GetProperty("code").GetString() == "47001" && c.GetProperty("name").GetString() == "Agen");
        var gironde = Assert.Single(departements, d => d.GetProperty("code").GetString() == "33");
        Assert.Equal(gironde.GetProperty("communeCount").GetInt32(), gironde.GetProperty("uncovered").GetArrayLength());
        Assert.Contains(gironde.GetProperty("uncovered").EnumerateArray(), c => c.GetProperty("code").GetString() == "33063" && c.GetProperty("name").GetString() == "Bordeaux");

        var csv = await operatorClient.GetAsync($"/api/admin/coverage.csv?subjectId={WorkflowHarness.Subject}");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("departement_code;departement;commune_code;commune;constat;institution;nombre_conseillers;conseillers", lines[0]);
        Assert.Equal(territories.Communes.Count + 1, lines.Length); // every commune is uncovered or an Urssaf overlap here
        Assert.Contains("33;Gironde;33063;Bordeaux;sans conseiller;;0;", lines);
        Assert.Contains("47;Lot-et-Garonne;47001;Agen;plusieurs conseillers d'une même institution;Urssaf;2;Conseiller0 Test (Urssaf Lot-et-Garonne)|Conseiller2 Test (Urssaf Lot-et-Garonne)", lines);
    }

    [Fact]
    public async Task A_missing_or_unknown_subject_gets_a_french_problem_and_strangers_nothing()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        foreach (var (query, message) in new[] { ("", "Le sujet est obligatoire"), ("?subjectId=fantome", "Sujet « fantome » inconnu") })
        {
            foreach (var route in new[] { "/api/admin/coverage", "/api/admin/coverage.csv" })
            {
                var response = await operatorClient.GetAsync(route + query);
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
                Assert.Equal(message, errors.GetProperty("subjectId")[0].GetString());
            }
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync($"/api/admin/coverage?subjectId={WorkflowHarness.Subject}")).StatusCode);
    }
}
