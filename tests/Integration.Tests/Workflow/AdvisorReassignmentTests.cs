using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>An advisor leaving: its open needs go to a colleague (emailed, in each need's history), then it is deactivated.</summary>
public sealed class AdvisorReassignmentTests
{
    private const string Leaving = "conseiller-0";
    private const string Colleague = "remplacant";

    /// <summary>The harness's directory with a colleague of the leaving advisor who is not competent on the subject (so not routed to) and one who left.</summary>
    private static async Task<DirectoryDocument> AddColleaguesAsync(WorkflowHarness harness, HttpClient operatorClient)
    {
        var directory = (await operatorClient.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options))!;
        var run = Guid.NewGuid().ToString("N")[..8];
        directory = directory with
        {
            Advisors =
            [
                .. directory.Advisors,
                new Advisor { Id = Colleague, AntennaId = "urssaf-47", Name = "Camille Remplaçante", Email = $"remplacante-{run}@partenaire.test" },
                new Advisor { Id = "ancien", AntennaId = "urssaf-47", Name = "Ancien Conseiller", Email = $"ancien-{run}@partenaire.test", Active = false },
            ],
        };
        var put = await operatorClient.PutAsync("/api/admin/directory",
            new StringContent(JsonSerializer.Serialize(directory, DirectoryJson.Options), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return directory;
    }

    private static async Task<JsonElement> WaitForOpenNeedsAsync(HttpClient operatorClient, string advisorId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var advisor = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/advisors/{advisorId}");
            if (advisor.GetProperty("openNeeds").GetArrayLength() >= count || DateTime.UtcNow > deadline)
            {
                return advisor;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A need of its own company each (other SIRET, other email), so that no duplicate rule ever holds it back.</summary>
    private static async Task<string> SubmitAsync(WorkflowHarness harness, string description)
    {
        var siret = Fakes.FakeRechercheEntreprisesServer.MakeSiret(Random.Shared.Next(1000, 99999));
        harness.Companies.AddCompany(siret);
        return await WorkflowHarness.SubmitAsync(harness.Client, siret, $"dirigeant-{Guid.NewGuid():N}@entreprise.test", description);
    }

    private static string[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(e => (e.ValueKind == JsonValueKind.String ? e : e.GetProperty("needId")).GetString()!)];

    [Fact]
    public async Task Open_needs_go_to_the_colleague_who_is_emailed_once_each_the_history_says_so_and_the_advisor_is_no_longer_routed()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var directory = await AddColleaguesAsync(harness, operatorClient);
        var colleagueEmail = directory.Advisors.Single(a => a.Id == Colleague).Email;

        var waiting = await SubmitAsync(harness, "Un client important nous paie avec trois mois de retard : la trésorerie ne tient plus.");
        var takenOn = await SubmitAsync(harness, "Nous devons étaler nos cotisations sociales de l'hiver, la saison a été mauvaise.");
        var closed = await SubmitAsync(harness, "Besoin d'un prêt de trésorerie pour financer un gros stock avant l'été prochain.");
        var colleagueHasIt = await SubmitAsync(harness, "Notre banque refuse un découvert, les salaires de fin de mois sont menacés.");
        var leaving = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(leaving, takenOn, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(leaving, closed, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(leaving, closed, "done")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/admin/needs/{colleagueHasIt}/advisors", new { advisorId = Colleague })).StatusCode);

        // Its open needs: not the one it closed.
        var before = await WaitForOpenNeedsAsync(operatorClient, Leaving, 3);
        Assert.Equal([waiting, takenOn, colleagueHasIt], Ids(before.GetProperty("openNeeds")));
        Assert.True(before.GetProperty("active").GetBoolean());

        var response = await operatorClient.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId = Colleague });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([waiting, takenOn], Ids(result.GetProperty("reassigned")));
        var skipped = Assert.Single(result.GetProperty("skipped").EnumerateArray());
        Assert.Equal(colleagueHasIt, skipped.GetProperty("needId").GetString());
        Assert.Contains("déjà été transmis à ce collègue", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(result.GetProperty("deactivated").GetBoolean());

        // The colleague gets the need of each: the one added by hand before, and the two reassigned.
        var toColleague = await harness.Mailbox.WaitForAsync(colleagueEmail, count: 3);
        Assert.Equal(3, toColleague.Count(e => e.Subject.StartsWith("Nouveau besoin", StringComparison.Ordinal)));
        foreach (var needId in new[] { waiting, takenOn })
        {
            Assert.Single(toColleague, e => e.Text!.Contains($"besoin={needId}", StringComparison.Ordinal));
            var need = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{needId}");
            var history = Assert.Single(need.GetProperty("reassignments").EnumerateArray());
            Assert.Equal(
                (Leaving, "Conseiller0 Test", Colleague, "Camille Remplaçante", harness.Host.OperatorEmail),
                (history.GetProperty("fromAdvisorId").GetString(), history.GetProperty("fromAdvisorName").GetString(),
                    history.GetProperty("toAdvisorId").GetString(), history.GetProperty("toAdvisorName").GetString(), history.GetProperty("operator").GetString()));
            var advisors = need.GetProperty("matches").EnumerateArray().Select(m => (m.GetProperty("advisorId").GetString(), m.GetProperty("status").GetString())).ToList();
            Assert.Equal([(Colleague, "quo"), ("conseiller-1", "quo")], advisors);
        }

        Assert.Equal("taking_care", (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{takenOn}"))
            .GetProperty("reassignments")[0].GetProperty("fromStatus").GetString());

        // Deactivated: no longer routed; its inbox keeps only what stayed its own.
        var after = await WaitForOpenNeedsAsync(operatorClient, Leaving, 0);
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal([colleagueHasIt], Ids(after.GetProperty("openNeeds")));
        var explanation = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/routing/explain?subjectId={WorkflowHarness.Subject}&communeCode=47001");
        Assert.DoesNotContain(Leaving, explanation.GetProperty("kept").EnumerateArray().Select(a => a.GetProperty("advisorId").GetString()));
        var colleagueInbox = await WaitForOpenNeedsAsync(operatorClient, Colleague, 3);
        Assert.Equal(new[] { waiting, takenOn, colleagueHasIt }.Order(StringComparer.Ordinal), Ids(colleagueInbox.GetProperty("openNeeds")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_retry_after_a_crash_before_the_deactivation_notifies_nobody_twice_and_deactivates()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var directory = await AddColleaguesAsync(harness, operatorClient);
        var colleagueEmail = directory.Advisors.Single(a => a.Id == Colleague).Email;
        var needId = await SubmitAsync(harness, "Un client important nous paie avec trois mois de retard : la trésorerie ne tient plus.");
        await WaitForOpenNeedsAsync(operatorClient, Leaving, 1);
        var first = await (await operatorClient.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId = Colleague }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([needId], Ids(first.GetProperty("reassigned")));
        Assert.Single(await harness.Mailbox.WaitForAsync(colleagueEmail));

        // As if the first call had died after the needs and before the deactivation: the advisor is active again.
        var put = await operatorClient.PutAsync("/api/admin/directory",
            new StringContent(JsonSerializer.Serialize(directory, DirectoryJson.Options), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var retry = await operatorClient.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId = Colleague });

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var second = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(Ids(second.GetProperty("reassigned")));
        Assert.Empty(second.GetProperty("skipped").EnumerateArray());
        Assert.True(second.GetProperty("deactivated").GetBoolean());
        // An operator comment reaches the colleague after the retry: whatever the retry sent would be there before it.
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/comments", new { text = "Merci de reprendre ce dossier." })).StatusCode);
        var emails = await harness.Mailbox.WaitForAsync(colleagueEmail, count: 2);
        Assert.Single(emails, e => e.Subject.StartsWith("Nouveau besoin", StringComparison.Ordinal));
        Assert.Single(emails, e => e.Text!.Contains("Merci de reprendre ce dossier.", StringComparison.Ordinal));
        Assert.Single((await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{needId}")).GetProperty("reassignments").EnumerateArray());
        // And a third call on an advisor already gone is a plain no-op.
        var third = await (await operatorClient.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId = Colleague }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(third.GetProperty("deactivated").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_colleague_gets_a_french_problem_and_nothing_changes()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        await AddColleaguesAsync(harness, operatorClient);
        var before = await operatorClient.GetStringAsync("/api/admin/directory");

        foreach (var (toAdvisorId, message) in new (string?, string)[]
        {
            (null, "Choisissez le collègue"),
            (Leaving, "ne peut pas être le conseiller qui part"),
            ("fantome", "Conseiller « fantome » inconnu"),
            ("ancien", "Ancien Conseiller est inactif"),
        })
        {
            var response = await operatorClient.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(message, errors.GetProperty("toAdvisorId")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await operatorClient.GetStringAsync("/api/admin/directory"));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsJsonAsync("/api/admin/advisors/fantome/reassign", new { toAdvisorId = Colleague })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.PostAsJsonAsync($"/api/admin/advisors/{Leaving}/reassign", new { toAdvisorId = Colleague })).StatusCode);
    }
}
