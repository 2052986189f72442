using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;

namespace ConseillersEntreprises.Integration.Tests.Stats;

/// <summary>The public stats, from submissions and advisors' positions through the needstats projection on Azurite.</summary>
public sealed class StatsEndpointTests
{
    private static readonly Dictionary<string, string?> NoCache = new() { ["Stats:CacheDuration"] = "00:00:00" };

    /// <summary>Polls the stats until <paramref name="done"/> holds (the projection follows the outbox within a second or two).</summary>
    private static async Task<JsonElement> StatsWhenAsync(HttpClient client, string query, Func<JsonElement, bool> done)
    {
        JsonElement stats = default;
        for (var i = 0; i < 100; i++)
        {
            stats = await client.GetFromJsonAsync<JsonElement>("/api/stats" + query);
            if (done(stats))
            {
                return stats;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the stats never reached the expected figures: {stats}");
        return stats;
    }

    private static int Total(JsonElement stats, string figure) => stats.GetProperty("totals").GetProperty(figure).GetInt32();

    [Fact]
    public async Task A_need_counts_as_submitted_then_taken_on_quickly_then_closed_with_help()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2, settings: NoCache);
        var needId = await harness.SubmitAsync();

        var submitted = await StatsWhenAsync(harness.Client, "", s => Total(s, "submitted") == 1);
        Assert.Equal((1, 0, 0), (Total(submitted, "transmitted"), Total(submitted, "helped"), Total(submitted, "takenOnWithin5Days")));
        Assert.Equal(1.0, submitted.GetProperty("totals").GetProperty("transmittedShare").GetDouble());
        Assert.Equal(12, submitted.GetProperty("monthly").GetArrayLength());
        var thisMonth = submitted.GetProperty("monthly")[11];
        Assert.Equal(submitted.GetProperty("to").GetString(), thisMonth.GetProperty("month").GetString());
        Assert.Equal(1, thisMonth.GetProperty("submitted").GetInt32());
        Assert.False(submitted.GetProperty("monthly")[0].TryGetProperty("transmittedShare", out _)); // no need, no share
        Assert.Equal(("tresorerie", "Trésorerie"), Group(submitted, "byTheme"));
        Assert.Equal(("75", "Nouvelle-Aquitaine"), Group(submitted, "byRegion"));
        Assert.Equal(("10-49", "10 à 49 salariés"), Group(submitted, "bySize"));
        Assert.Equal(("C", "Industrie manufacturière"), Group(submitted, "bySector"));

        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        await StatsWhenAsync(harness.Client, "", s => Total(s, "takenOnWithin5Days") == 1);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "done")).StatusCode);

        var helped = await StatsWhenAsync(harness.Client, "", s => Total(s, "helped") == 1);
        Assert.Equal((1, 1, 1, 1), (Total(helped, "submitted"), Total(helped, "exchange"), Total(helped, "helped"), Total(helped, "takenOnWithin5Days")));
        Assert.Equal(1.0, helped.GetProperty("totals").GetProperty("helpedShare").GetDouble());
    }

    [Fact]
    public async Task Filters_by_region_and_theme_and_a_cancelled_need_leaves_the_stats()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: NoCache);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var needId = await harness.SubmitAsync();
        await StatsWhenAsync(harness.Client, "", s => Total(s, "submitted") == 1);

        Assert.Equal(1, Total(await harness.Client.GetFromJsonAsync<JsonElement>("/api/stats?region=75&theme=tresorerie"), "submitted"));
        var elsewhere = await harness.Client.GetFromJsonAsync<JsonElement>("/api/stats?region=84");
        Assert.Equal(0, Total(elsewhere, "submitted"));
        Assert.Equal("84", elsewhere.GetProperty("region").GetString());
        Assert.Equal(0, elsewhere.GetProperty("byRegion").GetArrayLength());

        var cancelled = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/cancel", new { reason = "Demande de test" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await StatsWhenAsync(harness.Client, "", s => Total(s, "submitted") == 0);
    }

    [Fact]
    public async Task The_monthly_series_downloads_as_csv_for_spreadsheets()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: NoCache);
        await harness.SubmitAsync();
        var stats = await StatsWhenAsync(harness.Client, "", s => Total(s, "submitted") == 1);
        var month = stats.GetProperty("to").GetString();

        var response = await harness.Client.GetAsync($"/api/stats.csv?from={month}&to={month}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"conseillers-entreprises-statistiques-{month}-{month}.csv", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "mois;besoins_deposes;transmis;avec_echange;clotures_avec_aide;pris_en_charge_sous_5_jours;part_transmis;part_avec_echange;part_clotures_avec_aide;part_pris_en_charge_sous_5_jours;dont_deposes_par_partenaires;delai_median_premiere_prise_en_charge_jours",
            lines[0]);
        Assert.Equal($"{month};1;1;0;0;0;1;0;0;0;0;", lines[1]); // nobody took it on: no median
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task A_bad_query_gets_a_french_error_on_its_field_and_is_not_cached()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var cases = new (string Query, string Field, string Message)[]
        {
            ("?from=2026-13", "from", "AAAA-MM"),
            ("?to=juin", "to", "AAAA-MM"),
            ("?from=2026-06&to=2026-01", "from", "précéder"),
            ("?from=2020-01&to=2026-01", "from", "36 mois"),
            ("?region=999", "region", "Région inconnue"),
            ("?theme=inconnue", "theme", "Thématique inconnue"),
            ("?theme=inconnue", "theme", "Thématique inconnue"), // again: a 400 is never served from the cache as a 200
        };

        foreach (var (query, field, message) in cases)
        {
            var response = await harness.Client.GetAsync("/api/stats" + query);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await harness.Client.GetAsync("/api/stats.csv?region=999")).StatusCode);
    }

    [Fact]
    public async Task The_same_query_is_served_from_the_cache_for_a_while_and_another_query_is_not()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?> { ["Stats:CacheDuration"] = "00:05:00" });
        var before = await harness.Client.GetFromJsonAsync<JsonElement>("/api/stats");
        Assert.True(StatsMonth.TryParse(before.GetProperty("to").GetString(), out var month));
        await harness.SubmitAsync();

        // Each poll asks a query never asked before (another start month), so none is answered from the cache.
        JsonElement fresh = default;
        for (var i = 0; i < StatsQuery.MaxMonths && (fresh.ValueKind == JsonValueKind.Undefined || Total(fresh, "submitted") == 0); i++)
        {
            await Task.Delay(200);
            fresh = await harness.Client.GetFromJsonAsync<JsonElement>($"/api/stats?from={StatsMonth.Format(month.AddMonths(-i))}");
        }

        var cached = await harness.Client.GetFromJsonAsync<JsonElement>("/api/stats");

        Assert.Equal(0, Total(before, "submitted"));
        Assert.Equal(1, Total(fresh, "submitted"));
        Assert.Equal(0, Total(cached, "submitted")); // the first answer, kept
    }

    private static (string? Key, string? Label) Group(JsonElement stats, string breakdown)
    {
        var group = Assert.Single(stats.GetProperty(breakdown).EnumerateArray());
        return (group.GetProperty("key").GetString(), group.GetProperty("label").GetString());
    }
}
