using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using ConseillersEntreprises.App.Managers;
using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Core.Security;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// The antenna managers' weekly digest and signed link, through the real app: needs submitted and answered through the
/// workflow write the antennas' rows, the digest reads them and mails the Urssaf antenna's manager (the harness's
/// only manager; the Banque de France antenna has none). "Unanswered after" is zero here, so a fresh need qualifies.
/// </summary>
public sealed partial class ManagerDigestTests
{
    private static readonly Dictionary<string, string?> ImmediateDigest = new() { ["Managers:DigestUnansweredAfter"] = "00:00:00" };

    private static ManagerDigest Digest(WorkflowHarness harness) => harness.Host.Services.GetRequiredService<ManagerDigest>();

    [Fact]
    public async Task The_digest_lists_the_antennas_unanswered_needs_with_their_links_once_per_week_and_the_link_opens_only_its_antennas()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2, settings: ImmediateDigest);
        var waiting = await harness.SubmitAsync("Un gros client <b>ne paie plus</b> depuis trois mois et la trésorerie ne suffit plus pour les salaires.");
        await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0));
        var now = DateTimeOffset.UtcNow;

        // Two instances on the same Monday at once: one email.
        var runs = await Task.WhenAll(Digest(harness).RunAsync(now, CancellationToken.None), Digest(harness).RunAsync(now, CancellationToken.None));
        Assert.Equal(1, runs.Sum(r => r?.Sent ?? 0));
        Assert.Null(await Digest(harness).RunAsync(now.AddHours(1), CancellationToken.None)); // the week is complete

        var email = Assert.Single(await harness.Mailbox.WaitForAsync(harness.ManagerEmail));
        Assert.Equal("1 besoin sans réponse dans vos antennes — Conseillers-Entreprises", email.Subject);
        Assert.Contains("Faire face à des difficultés de trésorerie", email.Text, StringComparison.Ordinal);
        Assert.Contains("Urssaf Lot-et-Garonne, envoyé le", email.Text, StringComparison.Ordinal);
        Assert.Contains("Conseiller0 Test", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Conseiller1 Test", email.Text, StringComparison.Ordinal); // Banque de France's advisor is not its team
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        var link = NeedLink().Match(email.Text!);
        Assert.True(link.Success, "each need carries the manager's signed link opened on it");
        Assert.Equal(waiting, Uri.UnescapeDataString(link.Groups["need"].Value));

        var manager = harness.Host.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(link.Groups["token"].Value));
        var page = await manager.GetFromJsonAsync<JsonElement>("/api/manager/needs");
        Assert.Equal(["urssaf-47"], page.GetProperty("antennas").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var row = Assert.Single(page.GetProperty("needs").EnumerateArray());
        Assert.Equal((waiting, "urssaf-47", "quo", true), (row.GetProperty("needId").GetString(), row.GetProperty("antennaId").GetString(), row.GetProperty("status").GetString(), row.GetProperty("awaitingAnswer").GetBoolean()));

        // The need has a Banque de France row too, which the Urssaf manager never sees.
        var table = new TableServiceClient(TestEnvironment.StorageConnectionString).GetTableClient(harness.Host.TablePrefix + AntennaNeedsTable.TableName);
        Assert.Single(table.Query<TableEntity>(e => e.PartitionKey == "bdf-47"));
    }

    [Fact]
    public async Task Nothing_is_sent_when_every_need_of_the_antenna_has_an_answer_and_the_page_shows_the_answer()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2, settings: ImmediateDigest);
        var needId = await harness.SubmitAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "not_for_me", "Hors de notre champ")).StatusCode);

        var now = DateTimeOffset.UtcNow;
        var run = await Digest(harness).RunAsync(now, CancellationToken.None);

        // The run completed (its marker is stored) having sent nothing: no email of this run can arrive later.
        Assert.Equal((0, 1), (run!.Sent, run.Managers));
        Assert.NotNull(await harness.Host.Services.GetRequiredService<ManagerDigestRuns>().CompletedAsync(ManagerDigestSchedule.WeekOf(now), CancellationToken.None));
        Assert.Empty(await harness.Mailbox.ForAsync(harness.ManagerEmail));

        // The same manager asks for a link: its page shows the antenna's refusal.
        Assert.Equal(HttpStatusCode.Accepted, (await harness.Client.PostAsJsonAsync("/api/manager/login-link", new { email = harness.ManagerEmail.ToUpperInvariant() })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await harness.Client.PostAsJsonAsync("/api/manager/login-link", new { email = "inconnu@partenaire.test" })).StatusCode);
        var email = Assert.Single(await harness.Mailbox.WaitForAsync(harness.ManagerEmail));
        var link = PageLink().Match(email.Text!);
        Assert.True(link.Success, "the email carries the manager's page link");
        var manager = harness.Host.CreateClient();
        manager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(link.Groups["token"].Value));
        var row = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/manager/needs")).GetProperty("needs").EnumerateArray());
        Assert.Equal(("quo", "not_for_me", false), (row.GetProperty("status").GetString(), row.GetProperty("antennaStatus").GetString(), row.GetProperty("awaitingAnswer").GetBoolean()));
    }

    [Fact]
    public async Task A_tampered_expired_or_other_audience_token_gets_401_and_a_manager_removed_from_the_directory_403()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        await harness.SubmitAsync();
        var tokens = new SignedTokens([SigningKey.TryParse(AppHost.SigningKeyId + "=" + AppHost.SharedSecret, out _)!]);
        var valid = tokens.Issue(new TokenClaims(TokenAudiences.Manager, harness.ManagerEmail, DateTimeOffset.UtcNow.AddDays(1)));

        async Task<HttpStatusCode> StatusWith(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/manager/needs");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await harness.Client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWith(valid));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(valid[..^2] + (valid[^2] == 'A' ? "BB" : "AA")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(tokens.Issue(new TokenClaims(TokenAudiences.Manager, harness.ManagerEmail, DateTimeOffset.UtcNow.AddMinutes(-1)))));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(tokens.Issue(new TokenClaims(TokenAudiences.Advisor, harness.ManagerEmail, DateTimeOffset.UtcNow.AddDays(1)))));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWith(tokens.Issue(new TokenClaims(TokenAudiences.Manager, "ancien@partenaire.test", DateTimeOffset.UtcNow.AddDays(1)))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync("/api/manager/needs")).StatusCode);
    }

    [GeneratedRegex(@"responsable/#besoin=(?<need>[^&\s]+)&jeton=(?<token>[^\s>""]+)")]
    private static partial Regex NeedLink();

    [GeneratedRegex(@"responsable/#jeton=(?<token>[^\s>""]+)")]
    private static partial Regex PageLink();
}
