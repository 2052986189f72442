using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.App.Demo;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Security;
using ConseillersEntreprises.DemoData.History;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.Demo;

/// <summary>
/// The demo history of ./run.sh on Azurite: seeded twice, it stores its needs once, and the statistics, an operators'
/// basket and an advisor's inbox then show them. Seeding is a burst of storage requests and a dozen needs' emails:
/// run alone, so that it does not slow the timing-sensitive workflow tests down.
/// </summary>
[Collection(DemoHistoryGroup.Name)]
public sealed class DemoHistorySeedingTests
{
    [Fact]
    public async Task Seeding_twice_stores_the_needs_once_and_the_stats_baskets_and_inboxes_show_them()
    {
        using var host = new AppHost(settings: new Dictionary<string, string?>
        {
            ["Directory:SeedDemo"] = "true",
            ["Stats:CacheDuration"] = "00:00:00",
            ["Email:MaxPerMinute"] = "6000",
        });
        using var mailbox = new Mailbox();
        var client = host.CreateClient(); // starts the app: the demo directory is stored and loaded before it answers
        var seeder = host.Services.GetRequiredService<DemoHistorySeeder>();
        var durable = host.Services.GetRequiredService<DurableTaskClient>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        var first = await seeder.SeedAsync(durable, timeout.Token);
        var stored = await SnapshotIdsAsync(host.TablePrefix);
        var second = await seeder.SeedAsync(durable, timeout.Token);

        Assert.Equal(new DemoSeeding(DemoHistoryGenerator.DefaultPastCount, DemoHistoryGenerator.DefaultOpenCount), first);
        Assert.Equal(new DemoSeeding(0, 0), second);
        Assert.Equal(DemoHistoryGenerator.DefaultPastCount + DemoHistoryGenerator.DefaultOpenCount, stored.Count);
        Assert.Equal(stored, await SnapshotIdsAsync(host.TablePrefix));

        // The last twelve months' statistics: every past need but the cancelled ones, and the open ones of this month.
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats");
        var totals = stats.GetProperty("totals");
        Assert.InRange(totals.GetProperty("submitted").GetInt32(), 300, DemoHistoryGenerator.DefaultPastCount + DemoHistoryGenerator.DefaultOpenCount);
        Assert.True(totals.GetProperty("helped").GetInt32() > 100, totals.ToString());
        Assert.True(totals.GetProperty("takenOnWithin5Days").GetInt32() > 100, totals.ToString());
        var months = stats.GetProperty("monthly").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        Assert.All(months[1..], m => Assert.True(m.GetProperty("submitted").GetInt32() > 0, m.ToString()));
        Assert.True(stats.GetProperty("byRegion").GetArrayLength() >= 13);

        // The operators' baskets: needs abandoned and refused by all, most recent first.
        var operators = await OperatorSession.SignInAsync(host, mailbox);
        var abandoned = (await operators.GetFromJsonAsync<JsonElement>("/api/admin/baskets/abandoned")).EnumerateArray().ToList();
        var refused = (await operators.GetFromJsonAsync<JsonElement>("/api/admin/baskets/refused")).EnumerateArray().ToList();
        Assert.True(abandoned.Count > 10, $"{abandoned.Count} abandoned");
        Assert.True(refused.Count > 10, $"{refused.Count} refused");
        Assert.All(abandoned.Concat(refused), row => Assert.Contains(row.GetProperty("needId").GetString()!, stored));

        // Two open needs wait in "À vérifier" (a form sent too fast, a duplicate), written by their submissions' activity.
        var held = new[] { DemoHistoryGenerator.TooFastOpenIndex, DemoHistoryGenerator.DuplicateOpenIndex }
            .Select(i => DemoHistoryGenerator.OpenNeedId(i))
            .ToHashSet(StringComparer.Ordinal);
        var review = new List<string>();
        for (var attempt = 0; attempt < 100 && !held.IsSubsetOf(review); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 200);
            review = [.. (await operators.GetFromJsonAsync<JsonElement>("/api/admin/baskets/review")).EnumerateArray().Select(r => r.GetProperty("needId").GetString()!)];
        }

        Assert.Equal(held.Order(StringComparer.Ordinal), review.Order(StringComparer.Ordinal));

        // The operators' search finds a past need as it finds a live one (by its company's SIRET).
        var past = await host.Services.GetRequiredService<NeedSnapshotStore>().GetAsync(abandoned[0].GetProperty("needId").GetString()!, timeout.Token);
        var found = (await operators.GetFromJsonAsync<JsonElement>($"/api/admin/needs?q={past!.State.Company.Siret}")).EnumerateArray().ToList();
        Assert.Contains(found, row => row.GetProperty("needId").GetString() == past.State.NeedId);

        // An advisor who helped finds the need in the "done" tab of its inbox.
        var snapshots = host.Services.GetRequiredService<NeedSnapshotStore>();
        NeedState? helped = null;
        foreach (var needId in stored)
        {
            if ((await snapshots.GetAsync(needId, timeout.Token))?.State is { Status: NeedStatus.Done } state)
            {
                helped = state;
                break;
            }
        }

        Assert.NotNull(helped);
        var advisorId = helped.Matches.First(m => m.Status == MatchStatus.Done).AdvisorId;
        using var advisor = host.CreateClient();
        advisor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdvisorToken(advisorId));
        var done = await advisor.GetFromJsonAsync<JsonElement>("/api/advisor/inbox?tab=done");
        Assert.Contains(done.EnumerateArray(), row => row.GetProperty("needId").GetString() == helped.NeedId);
    }

    private static string AdvisorToken(string advisorId) =>
        new SignedTokens([new SigningKey(AppHost.SigningKeyId, Convert.FromBase64String(AppHost.SharedSecret))])
            .Issue(new TokenClaims(TokenAudiences.Advisor, advisorId, DateTimeOffset.UtcNow.AddHours(1)));

    private static async Task<SortedSet<string>> SnapshotIdsAsync(string tablePrefix)
    {
        var table = new TableServiceClient(TestEnvironment.StorageConnectionString).GetTableClient(tablePrefix + NeedSnapshotStore.TableName);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            ids.Add(row.PartitionKey);
        }

        return ids;
    }
}
