using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// <c>GET /api/admin/needs?q=</c> on the real app: needs found by a partial company name (case and accents ignored),
/// a SIRET with or without spaces, the contact's exact email, the need id; most recent first.
/// </summary>
public sealed class NeedSearchTests
{
    [Fact]
    public async Task Operators_find_needs_by_company_name_siret_email_or_id_most_recent_first()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var run = Guid.NewGuid().ToString("N")[..8];
        var sirets = new[] { 41001, 41002, 41003 }.Select(n => FakeRechercheEntreprisesServer.MakeSiret(n + Random.Shared.Next(0, 50_000) * 10)).ToArray();
        var names = new[] { $"BOULANGERIE ÉZÉCHIEL {run}", $"Boulangerie du Port {run}", $"GARAGE MARTIN {run}" };
        var emails = names.Select((_, i) => $"dirigeant{i}-{run}@entreprise.test").ToArray();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            harness.Companies.AddCompany(sirets[i], c => c.Name = names[i]);
            ids.Add(await WorkflowHarness.SubmitAsync(harness.Client, sirets[i], emails[i]));
            await Task.Delay(20); // distinct submission times, so that "most recent first" is a real order
        }

        // The search rows are written by the submission's decision, after the answer: wait for them.
        async Task<List<string>> Found(string q)
        {
            var answer = await operatorClient.GetAsync($"/api/admin/needs?q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            return [.. (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("needId").GetString()!)];
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Found(run)).Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal([ids[2], ids[1], ids[0]], await Found(run));                         // a word of every name, newest first
        Assert.Equal([ids[1], ids[0]], await Found($"boul {run}"));                      // partial, case ignored
        Assert.Equal([ids[0]], await Found($"ezéch {run}"));                             // accents ignored
        Assert.Equal([ids[1]], await Found($"PORT boulang {run}"));                      // every word, in any order
        Assert.Empty(await Found($"langerie {run}"));                                    // a word is matched from its start
        var spaced = $"{sirets[2][..3]} {sirets[2][3..6]} {sirets[2][6..9]} {sirets[2][9..]}";
        Assert.Equal([ids[2]], await Found(spaced));                                     // SIRET with spaces
        Assert.Equal([ids[2]], await Found(sirets[2]));                                  // and without
        Assert.Equal([ids[1]], await Found(emails[1].ToUpperInvariant()));              // exact email, case ignored
        Assert.Empty(await Found($"dirigeant1-{run}@entreprise"));                       // not a partial email
        Assert.Equal([ids[0]], await Found(ids[0]));                                     // the need id

        var row = (await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs?q={Uri.EscapeDataString(sirets[0])}"))[0];
        Assert.Equal(names[0], row.GetProperty("companyName").GetString());
        Assert.Equal(sirets[0], row.GetProperty("siret").GetString());
        Assert.Equal(emails[0], row.GetProperty("contactEmail").GetString());
        Assert.Equal("Faire face à des difficultés de trésorerie", row.GetProperty("subject").GetString());
        Assert.Equal("Penne-d'Agenais", row.GetProperty("communeName").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    public async Task A_search_without_anything_to_look_for_gets_a_french_400(string q)
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var answer = await operatorClient.GetAsync($"/api/admin/needs?q={Uri.EscapeDataString(q)}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.StartsWith("Saisissez le nom de l'entreprise", errors.GetProperty("q")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync("/api/admin/needs?q=boulangerie")).StatusCode);
    }
}
