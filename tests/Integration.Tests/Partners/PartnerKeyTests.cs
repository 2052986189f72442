using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;

namespace ConseillersEntreprises.Integration.Tests.Partners;

/// <summary>
/// Partner API keys through the real app on Azurite + MailDev: issued by an operator, used on <c>POST /api/needs</c>
/// (the institution recorded as the need's source, counted by source in the stats), listed without their secret,
/// refused once revoked or expired, unknown keys refused, and rate-limited per key.
/// </summary>
public sealed class PartnerKeyTests
{
    /// <summary>
    /// Fresh stats at each read; and no duplicate hold, since the source test posts the same company's need from the
    /// partner and from the site (moderation would rightly hold the second one out of the stats).
    /// </summary>
    private static readonly Dictionary<string, string?> NoCache = new()
    {
        ["Stats:CacheDuration"] = "00:00:00",
        ["Moderation:DuplicateWindow"] = "00:00:00",
    };

    private static async Task<JsonElement> IssueAsync(HttpClient operatorClient, string institutionId = "urssaf", string label = "Site de l'Urssaf")
    {
        var response = await operatorClient.PostAsJsonAsync("/api/admin/api-keys", new { institutionId, label });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpClient PartnerClient(WorkflowHarness harness, string key)
    {
        var client = harness.Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static Task<HttpResponseMessage> PostNeedAsync(HttpClient client, WorkflowHarness harness, string? idempotencyKey = null) =>
        client.PostAsJsonAsync("/api/needs", new
        {
            subjectId = WorkflowHarness.Subject,
            description = "Un client important ne paie plus ses factures depuis trois mois et la trésorerie ne suit plus.",
            siret = harness.Siret,
            firstName = "Camille",
            lastName = "Dupont",
            email = harness.CompanyEmail,
            phone = "06 12 34 56 78",
            consent = true,
            idempotencyKey,
        });

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Clé d'API refusée", problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> StatsWhenAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");
            if (done(stats))
            {
                return stats;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the stats never reached the expected figures: {stats}");
        return stats;
    }

    [Fact]
    public async Task A_need_posted_with_a_key_records_the_institution_as_its_source_and_the_stats_count_it_by_source()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2, settings: NoCache);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var issued = await IssueAsync(operatorClient);
        var key = issued.GetProperty("key").GetString()!;
        var partner = PartnerClient(harness, key);

        var created = await PostNeedAsync(partner, harness, idempotencyKey: "dossier-42");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var needId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString()!;
        var again = await PostNeedAsync(partner, harness, idempotencyKey: "dossier-42");
        var fromSite = await WorkflowHarness.SubmitAsync(harness.Client, harness.Siret, harness.CompanyEmail, idempotencyKey: "dossier-42");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(needId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString());
        Assert.NotEqual(needId, fromSite); // a partner's idempotency keys never name a need of the site
        var need = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{needId}");
        var source = need.GetProperty("source");
        Assert.Equal(("urssaf", "Urssaf", issued.GetProperty("id").GetString()),
            (source.GetProperty("institutionId").GetString(), source.GetProperty("institutionName").GetString(), source.GetProperty("keyId").GetString()));
        Assert.False((await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{fromSite}")).TryGetProperty("source", out _));

        var stats = await StatsWhenAsync(harness.Client, s => s.GetProperty("totals").GetProperty("submitted").GetInt32() == 2);
        var bySource = stats.GetProperty("bySource").EnumerateArray()
            .Select(g => (g.GetProperty("key").GetString(), g.GetProperty("label").GetString(), g.GetProperty("submitted").GetInt32()))
            .OrderBy(g => g.Item1, StringComparer.Ordinal)
            .ToList();
        Assert.Equal([("site-public", "Site public (formulaire)", 1), ("urssaf", "Urssaf", 1)], bySource);
        Assert.Equal(1, stats.GetProperty("monthly")[11].GetProperty("fromPartners").GetInt32());
        var month = stats.GetProperty("to").GetString();
        var csv = Encoding.UTF8.GetString(await harness.Client.GetByteArrayAsync($"/api/stats.csv?from={month}&to={month}")).Split("\r\n");
        // By the column's name: columns are only ever added at the end, so its place may change, never its name.
        var column = Array.IndexOf(csv[0].Split(';'), "dont_deposes_par_partenaires");
        Assert.True(column > 0, csv[0]);
        Assert.Equal("1", csv[1].Split(';')[column]);
    }

    [Fact]
    public async Task The_list_never_shows_the_secret_and_says_when_a_key_was_last_used()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var issued = await IssueAsync(operatorClient, label: "Intranet des conseillers");
        var key = issued.GetProperty("key").GetString()!;
        Assert.StartsWith("cep_", key, StringComparison.Ordinal);
        Assert.True(issued.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(547));

        var before = await operatorClient.GetStringAsync("/api/admin/api-keys");
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(PartnerClient(harness, key), harness)).StatusCode);
        var after = await operatorClient.GetStringAsync("/api/admin/api-keys");

        foreach (var list in new[] { before, after })
        {
            Assert.DoesNotContain(key, list, StringComparison.Ordinal);
            Assert.DoesNotContain(key[4..20], list, StringComparison.Ordinal);
            Assert.DoesNotContain(Core.Partners.PartnerKeySecret.Hash(key), list, StringComparison.Ordinal);
        }

        var row = Assert.Single(JsonDocument.Parse(after).RootElement.EnumerateArray());
        Assert.Equal(issued.GetProperty("id").GetString(), row.GetProperty("id").GetString());
        Assert.Equal(("urssaf", "Urssaf", "Intranet des conseillers", "valid"),
            (row.GetProperty("institutionId").GetString(), row.GetProperty("institutionName").GetString(), row.GetProperty("label").GetString(), row.GetProperty("status").GetString()));
        Assert.Equal(harness.Host.OperatorEmail, row.GetProperty("createdBy").GetString());
        Assert.Equal(JsonValueKind.String, row.GetProperty("lastUsedAt").ValueKind);
        Assert.False(JsonDocument.Parse(before).RootElement[0].TryGetProperty("lastUsedAt", out _)); // never used yet
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_the_next_call_and_revoking_again_changes_nothing()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var issued = await IssueAsync(operatorClient);
        var id = issued.GetProperty("id").GetString();
        var partner = PartnerClient(harness, issued.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(partner, harness)).StatusCode);

        var revoked = await operatorClient.DeleteAsync($"/api/admin/api-keys/{id}");
        var refused = await PostNeedAsync(partner, harness);
        var revokedAgain = await operatorClient.DeleteAsync($"/api/admin/api-keys/{id}");
        var unknown = await operatorClient.DeleteAsync("/api/admin/api-keys/k0000000000000000");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var first = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revoked", first.GetProperty("status").GetString());
        await AssertRefusedAsync(refused, "révoquée");
        Assert.Equal(HttpStatusCode.OK, revokedAgain.StatusCode);
        Assert.Equal(first.GetProperty("revokedAt").GetDateTimeOffset(), (await revokedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revokedAt").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?> { ["Partners:KeyLifetime"] = "00:00:02" });
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var issued = await IssueAsync(operatorClient);
        var expiresAt = issued.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.True(expiresAt <= DateTimeOffset.UtcNow.AddSeconds(3));

        // Waiting for the clock to pass the key's expiry, not for something to happen.
        while (DateTimeOffset.UtcNow <= expiresAt)
        {
            await Task.Delay(100);
        }

        await AssertRefusedAsync(await PostNeedAsync(PartnerClient(harness, issued.GetProperty("key").GetString()!), harness), "expiré");
        Assert.Equal("expired", (await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/api-keys"))[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_key_or_any_other_authorization_is_refused_never_taken_as_the_public_site()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var wellFormed = Core.Partners.PartnerKeySecret.Generate();

        await AssertRefusedAsync(await PostNeedAsync(PartnerClient(harness, wellFormed), harness), "inconnue");
        await AssertRefusedAsync(await PostNeedAsync(PartnerClient(harness, "pas-une-cle"), harness), "inconnue");
        await AssertRefusedAsync(await PostNeedAsync(operatorClient, harness), "inconnue"); // an operator's token is no partner key
        var basic = harness.Host.CreateClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwdw==");
        await AssertRefusedAsync(await PostNeedAsync(basic, harness), "inconnue");
        Assert.Empty(await harness.Mailbox.ForAsync(harness.CompanyEmail)); // nothing was submitted
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(harness.Client, harness)).StatusCode);
    }

    [Fact]
    public async Task Issuing_needs_an_operator_a_known_institution_and_a_label()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var unknown = await operatorClient.PostAsJsonAsync("/api/admin/api-keys", new { institutionId = "fantome", label = "Essai" });
        var empty = await operatorClient.PostAsJsonAsync("/api/admin/api-keys", new { });
        var anonymous = await harness.Client.PostAsJsonAsync("/api/admin/api-keys", new { institutionId = "urssaf", label = "Essai" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("« fantome » inconnue", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("institutionId")[0].GetString(), StringComparison.Ordinal);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("institutionId", out _) && errors.TryGetProperty("label", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync("/api/admin/api-keys")).StatusCode);
        Assert.Equal("[]", await operatorClient.GetStringAsync("/api/admin/api-keys")); // nothing half-stored
    }

    [Fact]
    public async Task Each_key_has_its_own_hourly_limit_instead_of_the_client_address()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?> { ["RateLimits:PartnerNeedsPerHour"] = "2" });
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var first = PartnerClient(harness, (await IssueAsync(operatorClient)).GetProperty("key").GetString()!);
        var second = PartnerClient(harness, (await IssueAsync(operatorClient, "bdf", "Banque de France")).GetProperty("key").GetString()!);

        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(first, harness)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(first, harness)).StatusCode);
        var third = await PostNeedAsync(first, harness);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Contains("réessayez", (await third.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(second, harness)).StatusCode); // same address, another key
        Assert.Equal(HttpStatusCode.Created, (await PostNeedAsync(harness.Client, harness)).StatusCode); // the site's form is limited apart
    }
}
