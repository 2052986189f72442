using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.App.Maintenance;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.Storage.Journal;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.DataProtection;

/// <summary>
/// <c>GET /api/admin/companies/data</c> and <c>POST /api/admin/companies/erase</c> on the real app: the export holds
/// every need of the company with its personal data; the erasure cancels the open ones (their advisors are told),
/// anonymises them all, deletes their search rows, is recorded without the data, and changes nothing the second time.
/// </summary>
public sealed class CompanyDataTests
{
    [Fact]
    public async Task The_export_holds_everything_and_the_erasure_removes_it_and_is_recorded()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operators = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var first = await harness.SubmitAsync(description: "Premier besoin : appelez Camille au 06 12 34 56 78");
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, first, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await advisor.PostAsJsonAsync($"/api/advisor/needs/{first}/comments", new { text = "Rappel prévu avec Camille" })).StatusCode);
        var second = await harness.SubmitAsync(description: "Second besoin de la même entreprise");
        await RetentionTests.WaitForSearchAsync(operators, harness.CompanyEmail, 2);

        // The export, by email or by SIRET: both needs, with the contact, the texts and the advisors' matches.
        var byEmail = await operators.GetAsync($"/api/admin/companies/data?email={Uri.EscapeDataString(harness.CompanyEmail.ToUpperInvariant())}");
        Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
        Assert.StartsWith("attachment", byEmail.Content.Headers.ContentDisposition?.ToString() ?? byEmail.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var export = await byEmail.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("email", export.GetProperty("lookedUpBy").GetString());
        var needs = export.GetProperty("needs").EnumerateArray().ToList();
        Assert.Equal([second, first], needs.Select(n => n.GetProperty("needId").GetString()));
        var exported = needs[1];
        Assert.Equal("Premier besoin : appelez Camille au 06 12 34 56 78", exported.GetProperty("description").GetString());
        Assert.Equal(harness.CompanyEmail, exported.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Camille", exported.GetProperty("contact").GetProperty("firstName").GetString());
        Assert.Equal("Rappel prévu avec Camille", exported.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal("taking_care", exported.GetProperty("matches")[0].GetProperty("status").GetString());
        Assert.True(exported.GetProperty("timeline").TryGetProperty("dispatchedAt", out _));
        var bySiret = await operators.GetFromJsonAsync<JsonElement>($"/api/admin/companies/data?siret={harness.Siret}");
        Assert.Equal([second, first], bySiret.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("needId").GetString()));

        // The erasure: both open needs cancelled (the advisor is told why), then anonymised; nothing is found any more.
        var erase = await operators.PostAsJsonAsync("/api/admin/companies/erase", new { email = harness.CompanyEmail });
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var report = await erase.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), report.GetProperty("erased").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(2, report.GetProperty("cancelled").GetArrayLength());

        foreach (var needId in new[] { first, second })
        {
            var state = await RetentionTests.NeedAsync(operators, needId);
            Assert.Equal(NeedPersonalData.Redacted, state.GetProperty("description").GetString());
            Assert.Equal("", state.GetProperty("contact").GetProperty("email").GetString());
            Assert.Equal("request", state.GetProperty("anonymization").GetProperty("reason").GetString());
            Assert.Equal(harness.Host.OperatorEmail, state.GetProperty("anonymization").GetProperty("operator").GetString());
            Assert.Equal(NeedCancellation.ErasureReason, state.GetProperty("cancellation").GetProperty("reason").GetString());
            Assert.DoesNotContain("Camille", state.GetRawText(), StringComparison.Ordinal);
        }

        var cancelledEmails = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0), count: 4);
        Assert.Contains(cancelledEmails, e => (e.Text ?? string.Empty).Contains(NeedCancellation.ErasureReason, StringComparison.Ordinal));
        Assert.Empty(await RetentionTests.SearchAsync(operators, harness.CompanyEmail));
        Assert.Empty(await RetentionTests.SearchAsync(operators, harness.Siret));
        Assert.Empty((await operators.GetFromJsonAsync<JsonElement>($"/api/admin/companies/data?siret={harness.Siret}")).GetProperty("needs").EnumerateArray());

        // Their orchestrations' histories go too (at once, or by the next sweep once their last emails are out).
        var client = harness.Host.Services.GetRequiredService<DurableTaskClient>();
        await ActivatorUtilities.CreateInstance<RetentionFunctions>(harness.Host.Services).RunAsync(client, CancellationToken.None);
        Assert.Null(await client.GetInstanceAsync(first));
        Assert.Null(await client.GetInstanceAsync(second));
        Assert.Empty(await RetentionTests.RetentionRowsAsync(harness.Host.TablePrefix));

        // Recorded: who, when, how it was asked and which needs; never the address erased.
        var journal = new OperatorJournal(new TableServiceClient(TestEnvironment.StorageConnectionString), harness.Host.TablePrefix);
        var entry = Assert.Single(await journal.OfMonthAsync(DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
        Assert.Equal((harness.Host.OperatorEmail, "effacement", "email"), (entry.Operator, entry.Action, entry.LookedUpBy));
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), entry.NeedIds.Order(StringComparer.Ordinal));

        // Again: nothing left to erase, nothing changes.
        var again = await operators.PostAsJsonAsync("/api/admin/companies/erase", new { email = harness.CompanyEmail });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Empty((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_gets_a_french_400_and_strangers_a_401()
    {
        await using var host = new AppHost();
        using var mailbox = new Mailbox();
        var operators = await OperatorSession.SignInAsync(host, mailbox);

        foreach (var (query, field) in new[]
        {
            ("", "siret"),
            ("?siret=73282932000074&email=a@b.fr", "siret"),
            ("?siret=123", "siret"),
            ("?siret=73282932000075", "siret"),
            ("?email=pas-une-adresse", "email"),
        })
        {
            var answer = await operators.GetAsync("/api/admin/companies/data" + query);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.NotEmpty(problem.GetProperty("errors").GetProperty(field).EnumerateArray().First().GetString()!);
        }

        foreach (var body in new object[] { new { }, new { siret = "123" }, new { email = "x@y.fr", siret = "73282932000074" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await operators.PostAsJsonAsync("/api/admin/companies/erase", body)).StatusCode);
        }

        using var stranger = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/admin/companies/data?siret=73282932000074")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync("/api/admin/companies/erase", new { siret = "73282932000074" })).StatusCode);
        var message = (await (await operators.GetAsync("/api/admin/companies/data")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("siret")[0].GetString();
        Assert.Equal("Indiquez le SIRET de l'entreprise ou l'adresse email de la personne", message);
    }
}
