using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>POST /api/needs: French errors per field, nothing half-stored, the commune asked for only when needed.</summary>
public sealed class NeedIntakeTests
{
    private static object Body(string siret, string? communeCode = null, string description = "Nous cherchons un financement pour remplacer une machine de production tombée en panne.") => new
    {
        subjectId = WorkflowHarness.Subject,
        description,
        siret,
        communeCode,
        firstName = "Camille",
        lastName = "Dupont",
        email = $"dirigeant-{Guid.NewGuid():N}@entreprise.test",
        phone = "05 53 12 34 56",
        consent = true,
    };

    /// <summary>The needs stored: their snapshots, and their orchestrations in the task hub (the two must agree).</summary>
    private static async Task<int> StoredNeedsAsync(WorkflowHarness harness)
    {
        var table = new TableServiceClient(TestEnvironment.StorageConnectionString).GetTableClient(harness.Host.TablePrefix + NeedSnapshotStore.TableName);
        var snapshots = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            snapshots++;
        }

        var orchestrations = 0;
        await foreach (var _ in harness.Host.Services.GetRequiredService<DurableTaskClient>().GetAllInstancesAsync())
        {
            orchestrations++;
        }

        Assert.Equal(snapshots, orchestrations);
        return snapshots;
    }

    [Fact]
    public async Task Every_problem_is_listed_in_french_and_nothing_is_stored()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);

        var response = await harness.Client.PostAsJsonAsync("/api/needs", new
        {
            subjectId = "inconnu",
            description = "trop court",
            siret = "123",
            firstName = "",
            lastName = "Dupont",
            email = "pas-une-adresse",
            phone = "12",
            consent = false,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "subjectId", "description", "siret", "firstName", "email", "phone", "consent" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"an error for {field}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        }

        Assert.Equal(0, await StoredNeedsAsync(harness));
    }

    [Fact]
    public async Task When_the_company_lookup_cannot_answer_the_commune_is_required_then_used()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        harness.Companies.Mode = FakeServerMode.Unavailable;
        var siret = FakeRechercheEntreprisesServer.MakeSiret(424242);

        var withoutCommune = await harness.Client.PostAsJsonAsync("/api/needs", Body(siret));
        var withCommune = await harness.Client.PostAsJsonAsync("/api/needs", Body(siret, communeCode: "47001"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutCommune.StatusCode);
        Assert.Contains("commune", (await withoutCommune.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("communeCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, withCommune.StatusCode);
        var created = await withCommune.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, created.GetProperty("advisorCount").GetInt32()); // Agen is in Lot-et-Garonne
        Assert.Equal(1, await StoredNeedsAsync(harness));
    }

    [Theory]
    [InlineData("F", "A", null, "fermé")]
    [InlineData("A", "C", null, "cessé")]
    [InlineData("A", "A", "99134", "France")]
    public async Task Closed_ceased_or_foreign_establishments_are_refused(string establishment, string company, string? foreign, string expected)
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var siret = FakeRechercheEntreprisesServer.MakeSiret(515151);
        harness.Companies.AddCompany(siret, c =>
        {
            c.EstablishmentState = establishment;
            c.CompanyState = company;
            c.ForeignCountryCode = foreign;
        });

        var response = await harness.Client.PostAsJsonAsync("/api/needs", Body(siret));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("siret")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await StoredNeedsAsync(harness));
    }

    [Fact]
    public async Task A_need_nobody_covers_goes_to_the_operators_basket_and_the_company_is_told()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        harness.Companies.Mode = FakeServerMode.Unavailable;

        var response = await harness.Client.PostAsJsonAsync("/api/needs", Body(FakeRechercheEntreprisesServer.MakeSiret(616161), communeCode: "69123"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("unrouted", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var alert = await harness.Mailbox.WaitForAsync(harness.Host.OperatorEmail);
        Assert.Single(alert);
    }

    [Fact]
    public async Task Submissions_are_rate_limited_per_client_address()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?> { ["RateLimits:NeedsPerHour"] = "2" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await harness.Client.PostAsJsonAsync("/api/needs", Body(harness.Siret))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("{ pas du json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"consent\":\"oui\"}")]
    public async Task Malformed_bodies_are_a_french_400_never_a_500(string body)
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);

        var response = await harness.Client.PostAsync("/api/needs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await StoredNeedsAsync(harness));
    }
}
