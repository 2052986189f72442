using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// POST /api/needs without a SIRET (a company being created or taken over: routed on its commune alone) and outside the
/// catalogue (no subject: the operators choose it with POST /api/admin/needs/{id}/subject, and the need goes to the
/// advisors found for it).
/// </summary>
public sealed class UnregisteredAndOutsideCatalogueTests
{
    private static object Body(WorkflowHarness harness, string? subjectId = WorkflowHarness.Subject, string? siret = null, string? communeCode = "47001", string? companyName = "Boulangerie en projet") => new
    {
        subjectId,
        description = "Je reprends une boulangerie à Agen et je cherche comment financer le rachat du fonds.",
        siret,
        communeCode,
        companyName,
        firstName = "Camille",
        lastName = "Dupont",
        email = harness.CompanyEmail,
        phone = "05 53 12 34 56",
        consent = true,
    };

    [Fact]
    public async Task A_company_without_siret_is_routed_on_its_commune_and_advisors_are_told_it_is_not_registered()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);

        var response = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, created.GetProperty("advisorCount").GetInt32()); // Agen is in Lot-et-Garonne
        Assert.Equal(0, harness.Companies.RequestCount); // nothing to look up
        var email = Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0)));
        Assert.Contains("pas encore immatriculée", email.Text, StringComparison.Ordinal);
        Assert.Contains("Boulangerie en projet", email.Text, StringComparison.Ordinal);

        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        var sheet = await advisor.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{created.GetProperty("needId").GetString()}");
        var company = sheet.GetProperty("company");
        Assert.False(company.TryGetProperty("siret", out _)); // null members are left out
        Assert.False(company.GetProperty("registered").GetBoolean());
        Assert.Equal("Boulangerie en projet", company.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Without_siret_the_commune_and_the_name_are_required_and_nothing_is_stored()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var noCommune = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness, communeCode: null));
        var noName = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness, companyName: " "));
        var nothing = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness, communeCode: null, companyName: null));

        Assert.Equal("Sans SIRET, indiquez la commune où se trouve ou se trouvera votre entreprise", await OnlyErrorAsync(noCommune, "communeCode"));
        Assert.Equal("Sans SIRET, indiquez le nom de votre entreprise ou de votre projet", await OnlyErrorAsync(noName, "companyName"));
        Assert.Contains("SIRET", await OnlyErrorAsync(nothing, "siret"), StringComparison.Ordinal);
        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted")).EnumerateArray());
        Assert.Empty(await harness.Mailbox.ForAsync(harness.CompanyEmail));
    }

    [Fact]
    public async Task A_commune_the_service_does_not_cover_gets_a_clear_message()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);

        var response = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness, communeCode: "97502"));

        Assert.StartsWith("Conseillers-Entreprises ne couvre pas Saint-Pierre-et-Miquelon", await OnlyErrorAsync(response, "communeCode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_need_outside_the_catalogue_waits_for_the_operators_who_choose_its_subject_and_route_it()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var response = await harness.Client.PostAsJsonAsync("/api/needs", Body(harness, subjectId: null));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unrouted", created.GetProperty("status").GetString());
        var needId = created.GetProperty("needId").GetString()!;
        // The operator's inbox also holds its sign-in link: the alert is the second email.
        var alert = Assert.Single(await harness.Mailbox.WaitForAsync(harness.Host.OperatorEmail, count: 2), e => e.Subject.StartsWith("[Sans conseiller]", StringComparison.Ordinal));
        Assert.Contains("Besoin hors catalogue : choisissez son sujet", alert.Text, StringComparison.Ordinal);
        Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail)); // its confirmation
        var row = Assert.Single((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted")).EnumerateArray());
        Assert.Equal(("Besoin hors catalogue", needId), (row.GetProperty("subject").GetString(), row.GetProperty("needId").GetString()));

        var unknown = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/subject", new { subjectId = "inconnu" });
        Assert.Equal("Choisissez un sujet du catalogue", await OnlyErrorAsync(unknown, "subjectId"));
        var chosen = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/subject", new { subjectId = WorkflowHarness.Subject });

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var need = await chosen.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(WorkflowHarness.Subject, need.GetProperty("subjectId").GetString());
        Assert.Equal(harness.Host.OperatorEmail, need.GetProperty("subjectChoice").GetProperty("operator").GetString());
        Assert.Equal(2, need.GetProperty("matches").GetArrayLength());
        Assert.False(need.GetProperty("timeline").GetProperty("dispatchedAt").ValueKind == JsonValueKind.Null);
        foreach (var i in new[] { 0, 1 })
        {
            Assert.Contains("Faire face à des difficultés de trésorerie", Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(i))).Text, StringComparison.Ordinal);
        }

        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted")).EnumerateArray());

        // The operators' search shows the subject chosen (its rows are rewritten just after the answer: waited for).
        string? searched = null;
        for (var i = 0; i < 50 && searched != "Faire face à des difficultés de trésorerie"; i++)
        {
            var rows = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs?q={harness.CompanyEmail}")).EnumerateArray().ToList();
            searched = rows.Where(r => r.GetProperty("needId").GetString() == needId).Select(r => r.GetProperty("subject").GetString()).SingleOrDefault();
            if (searched != "Faire face à des difficultés de trésorerie")
            {
                await Task.Delay(200);
            }
        }

        Assert.Equal("Faire face à des difficultés de trésorerie", searched);
        var again = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/subject", new { subjectId = WorkflowHarness.Subject });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsJsonAsync("/api/admin/needs/binconnu/subject", new { subjectId = WorkflowHarness.Subject })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.PostAsJsonAsync($"/api/admin/needs/{needId}/subject", new { subjectId = WorkflowHarness.Subject })).StatusCode);
    }

    private static async Task<string?> OnlyErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        return errors.GetProperty(field)[0].GetString();
    }
}
