using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Core.Security;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;

namespace ConseillersEntreprises.Integration.Tests.Stats;

/// <summary>
/// The stats of one institution (its API key) and of a manager's antennas (its signed link), through the real app and
/// the <c>partnerstats</c> projection on Azurite: each counts its own advisors' outcome of a need sent to several.
/// </summary>
public sealed class PartnerStatsTests
{
    private static HttpClient Bearer(WorkflowHarness harness, string token)
    {
        var client = harness.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(string Id, string Key)> IssueKeyAsync(HttpClient operatorClient, string institutionId)
    {
        var response = await operatorClient.PostAsJsonAsync("/api/admin/api-keys", new { institutionId, label = "Tableau de bord" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (issued.GetProperty("id").GetString()!, issued.GetProperty("key").GetString()!);
    }

    private static string ManagerToken(string email) =>
        new SignedTokens([SigningKey.TryParse(AppHost.SigningKeyId + "=" + AppHost.SharedSecret, out _)!])
            .Issue(new TokenClaims(TokenAudiences.Manager, email, DateTimeOffset.UtcNow.AddDays(1)));

    private static (int Submitted, int Exchange, int Helped, int TakenOnWithin5Days) Totals(JsonElement stats)
    {
        var totals = stats.GetProperty("totals");
        return (totals.GetProperty("submitted").GetInt32(), totals.GetProperty("exchange").GetInt32(), totals.GetProperty("helped").GetInt32(),
            totals.GetProperty("takenOnWithin5Days").GetInt32());
    }

    /// <summary>Polls a stats route until its totals are <paramref name="expected"/> (the projection follows the decision).</summary>
    private static async Task<JsonElement> StatsWhenAsync(HttpClient client, string path, (int, int, int, int) expected)
    {
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            stats = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (Totals(stats) == expected)
            {
                return stats;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{path} never reached {expected}: {stats}");
        return stats;
    }

    [Fact]
    public async Task Two_institutions_sent_the_same_need_each_count_their_own_advisors_outcome()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2); // conseiller-0 at Urssaf, conseiller-1 at Banque de France
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var (urssafKeyId, urssafKey) = await IssueKeyAsync(operatorClient, "urssaf");
        var (_, bdfKey) = await IssueKeyAsync(operatorClient, "bdf");
        var urssaf = Bearer(harness, urssafKey);
        var bdf = Bearer(harness, bdfKey);
        var needId = await harness.SubmitAsync();
        await StatsWhenAsync(urssaf, "/api/partner/stats", (1, 0, 0, 0));

        var urssafAdvisor = harness.AdvisorClientFromSignedLink(0, needId);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(urssafAdvisor, needId, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(urssafAdvisor, needId, "done")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(harness.AdvisorClientFromSignedLink(1, needId), needId, "not_for_me", "Pas de notre ressort")).StatusCode);

        var helped = await StatsWhenAsync(urssaf, "/api/partner/stats", (1, 1, 1, 1));
        Assert.Equal(1.0, helped.GetProperty("totals").GetProperty("transmittedShare").GetDouble());
        Assert.Equal(12, helped.GetProperty("monthly").GetArrayLength());
        Assert.Equal("tresorerie", helped.GetProperty("byTheme")[0].GetProperty("key").GetString());
        await StatsWhenAsync(bdf, "/api/partner/stats", (1, 0, 0, 0));

        // The manager of Urssaf Lot-et-Garonne: its antenna, all its antennas, never another one.
        var manager = Bearer(harness, ManagerToken(harness.ManagerEmail));
        await StatsWhenAsync(manager, "/api/manager/stats?antennaId=urssaf-47", (1, 1, 1, 1));
        await StatsWhenAsync(manager, "/api/manager/stats", (1, 1, 1, 1));
        var other = await manager.GetAsync("/api/manager/stats?antennaId=bdf-47");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync("/api/manager/stats")).StatusCode);

        // Same query checks as the public stats, same CSV.
        var bad = await urssaf.GetAsync("/api/partner/stats?from=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("AAAA-MM", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        var month = helped.GetProperty("to").GetString();
        var csv = await urssaf.GetAsync($"/api/partner/stats.csv?from={month}&to={month}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains($"conseillers-entreprises-statistiques-urssaf-{month}-{month}.csv", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"{month};1;1;1;1;1;1;1;1;1;0", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // No key, an unknown one, a revoked one: 401, never the public figures.
        var missing = await harness.Client.GetAsync("/api/partner/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(harness, "cep_inconnue").GetAsync("/api/partner/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.DeleteAsync($"/api/admin/api-keys/{urssafKeyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await urssaf.GetAsync("/api/partner/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await urssaf.GetAsync("/api/partner/stats.csv")).StatusCode);
    }
}
