using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.App.Maintenance;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.Storage.Retention;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Integration.Tests.DataProtection;

/// <summary>
/// The retention sweep on the real app: a need older than <c>Retention:AnonymizeAfter</c> is anonymised everywhere its
/// personal data was stored (snapshot, search rows, orchestration history) while a recent one is left as it is; the
/// stats do not move; a second run does nothing.
/// </summary>
public sealed class RetentionTests
{
    private static readonly TimeSpan AnonymizeAfter = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_old_need_is_anonymised_everywhere_a_recent_one_is_not_the_stats_stay_and_a_second_run_does_nothing()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?>
        {
            ["Retention:AnonymizeAfter"] = "00:00:15",
            ["Stats:CacheDuration"] = "00:00:00",
        });
        var operators = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var oldNeed = await harness.SubmitAsync(description: "Retard de paiement : appelez Camille sur son portable personnel");
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, oldNeed, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await advisor.PostAsJsonAsync($"/api/advisor/needs/{oldNeed}/comments", new { text = "Rendez-vous pris avec Mme Dupont" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, oldNeed, "done", "Plan d'étalement signé avec Camille")).StatusCode);
        var oldState = await NeedAsync(operators, oldNeed);

        // The old need passes the retention period; the recent one is submitted just before the run.
        var wait = oldState.GetProperty("createdAt").GetDateTimeOffset() + AnonymizeAfter + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var recentNeed = await harness.SubmitAsync(description: "Un besoin récent dont les données restent");
        await WaitForSearchAsync(operators, harness.Siret, 2);
        var statsBefore = await StatsAsync(harness.Client);

        var services = harness.Host.Services;
        var client = services.GetRequiredService<DurableTaskClient>();
        // Both runs happen at this instant, whatever the checks between them take on a loaded machine: otherwise the recent
        // need, 15 s from being due, becomes due before the second run (it did, in a full run at load 17).
        var runAt = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var run = await ActivatorUtilities.CreateInstance<RetentionFunctions>(services, runAt).RunAsync(client, CancellationToken.None);

        Assert.Equal(new RetentionRun(Anonymized: 1, Purged: 0, Left: 0), run);

        // The snapshot (what every page reads): the personal data replaced, the rest kept, the history says when.
        var anonymized = await NeedAsync(operators, oldNeed);
        Assert.Equal(NeedPersonalData.Redacted, anonymized.GetProperty("description").GetString());
        Assert.Equal(NeedPersonalData.Redacted, anonymized.GetProperty("contact").GetProperty("firstName").GetString());
        Assert.Equal("", anonymized.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("", anonymized.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal(NeedPersonalData.Redacted, anonymized.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal(NeedPersonalData.Redacted, anonymized.GetProperty("matches")[0].GetProperty("positionComment").GetString());
        Assert.Equal("retention", anonymized.GetProperty("anonymization").GetProperty("reason").GetString());
        Assert.Equal("done", anonymized.GetProperty("matches")[0].GetProperty("status").GetString());
        Assert.Equal(oldState.GetProperty("company").GetRawText(), anonymized.GetProperty("company").GetRawText());
        var raw = anonymized.GetRawText();
        Assert.DoesNotContain("Camille", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.CompanyEmail, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dupont", raw, StringComparison.Ordinal);

        // The advisor's sheet reads well and the need accepts nothing more.
        var sheet = await advisor.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{oldNeed}");
        Assert.Equal(NeedPersonalData.Redacted, sheet.GetProperty("description").GetString());
        Assert.Empty(sheet.GetProperty("allowedStatuses").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await advisor.PostAsJsonAsync($"/api/advisor/needs/{oldNeed}/comments", new { text = "Encore un mot" })).StatusCode);

        // The recent need is untouched.
        var recent = await NeedAsync(operators, recentNeed);
        Assert.Equal("Un besoin récent dont les données restent", recent.GetProperty("description").GetString());
        Assert.Equal(harness.CompanyEmail, recent.GetProperty("contact").GetProperty("email").GetString());
        Assert.False(recent.TryGetProperty("anonymization", out _));

        // The search: the email finds only the recent need; the SIRET still finds both, the old one without its email.
        Assert.Equal([recentNeed], (await SearchAsync(operators, harness.CompanyEmail)).Select(r => r.GetProperty("needId").GetString()));
        var bySiret = await SearchAsync(operators, harness.Siret);
        Assert.Equal([recentNeed, oldNeed], bySiret.Select(r => r.GetProperty("needId").GetString()));
        Assert.False(bySiret[1].TryGetProperty("contactEmail", out var oldEmail) && oldEmail.ValueKind == JsonValueKind.String);

        // The orchestration's history held the data: it is purged; the recent need's still runs.
        Assert.Null((await client.GetInstanceAsync(oldNeed))?.RuntimeStatus); // purged
        Assert.NotNull(await client.GetInstanceAsync(recentNeed));

        // The stats count the same, and the retention index lists only the recent need.
        Assert.Equal(statsBefore, await StatsAsync(harness.Client));
        Assert.Equal([recentNeed], await RetentionRowsAsync(harness.Host.TablePrefix));

        // A second run finds nothing due and changes nothing.
        var version = anonymized.GetProperty("version").GetInt64();
        Assert.Equal(new RetentionRun(0, 0, 0), await ActivatorUtilities.CreateInstance<RetentionFunctions>(services, runAt).RunAsync(client, CancellationToken.None));
        Assert.Equal(version, (await NeedAsync(operators, oldNeed)).GetProperty("version").GetInt64());
        Assert.Equal(statsBefore, await StatsAsync(harness.Client));
    }

    internal static async Task<JsonElement> NeedAsync(HttpClient operators, string needId) =>
        await operators.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{needId}");

    internal static async Task<List<JsonElement>> SearchAsync(HttpClient operators, string q) =>
        [.. (await operators.GetFromJsonAsync<JsonElement>($"/api/admin/needs?q={Uri.EscapeDataString(q)}")).EnumerateArray()];

    /// <summary>The search rows are written after the submission's answer: waits until <paramref name="count"/> are found.</summary>
    internal static async Task WaitForSearchAsync(HttpClient operators, string q, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await SearchAsync(operators, q)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(count, (await SearchAsync(operators, q)).Count);
    }

    private static async Task<string> StatsAsync(HttpClient client)
    {
        var answer = await client.GetAsync("/api/stats");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    internal static async Task<List<string>> RetentionRowsAsync(string prefix)
    {
        var table = new TableServiceClient(TestEnvironment.StorageConnectionString).GetTableClient(prefix + RetentionIndex.TableName);
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            ids.Add(row.GetString("NeedId"));
        }

        return ids;
    }
}
