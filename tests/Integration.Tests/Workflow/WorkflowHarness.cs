using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// A real app on Azurite + MailDev with a small directory of Lot-et-Garonne advisors, a fake company API, and
/// second-long workflow delays. Every advisor and company email is unique to the harness, so tests never clash.
/// </summary>
public sealed partial class WorkflowHarness : IAsyncDisposable
{
    public const string Subject = "difficultes-tresorerie";
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private WorkflowHarness(FakeRechercheEntreprisesServer companies, AppHost host, DirectoryDocument directory)
    {
        Companies = companies;
        Host = host;
        Directory = directory;
        Client = host.CreateClient();
    }

    public FakeRechercheEntreprisesServer Companies { get; }
    public AppHost Host { get; }
    public DirectoryDocument Directory { get; }
    public HttpClient Client { get; }
    public Mailbox Mailbox { get; } = new();
    public string Siret { get; } = FakeRechercheEntreprisesServer.MakeSiret(Random.Shared.Next(1000, 99999));

    public static async Task<WorkflowHarness> StartAsync(
        int advisors = 2, IDictionary<string, string?>? settings = null, string? tablePrefix = null, Action<IServiceCollection>? services = null)
    {
        var companies = await FakeRechercheEntreprisesServer.StartAsync();
        var prefix = tablePrefix ?? AppHost.NewTablePrefix();
        var directory = await SaveDirectoryAsync(prefix, advisors);
        var all = new Dictionary<string, string?>(companies.Settings);
        foreach (var (key, value) in FastWorkflow.Concat(settings ?? new Dictionary<string, string?>()))
        {
            all[key] = value;
        }

        var harness = new WorkflowHarness(companies, new AppHost(prefix, all, services), directory);
        harness.Companies.AddCompany(harness.Siret);
        return harness;
    }

    /// <summary>Second-long debounces, no business hours, limits that never throttle a test.</summary>
    public static IReadOnlyDictionary<string, string?> FastWorkflow { get; } = new Dictionary<string, string?>
    {
        ["Workflow:BusinessHoursOnly"] = "false",
        ["Workflow:CompanyNoticeDelay"] = "00:00:01",
        ["Workflow:CommentNoticeDelay"] = "00:00:01",
        ["RateLimits:NeedsPerHour"] = "1000",
        ["Email:MaxPerMinute"] = "6000", // pacing is tested on its own; here it would only slow the tests
    };

    /// <summary>Saves, under <paramref name="prefix"/>, a directory of <paramref name="advisors"/> advisors with addresses unique to the call.</summary>
    public static async Task<DirectoryDocument> SaveDirectoryAsync(string prefix, int advisors)
    {
        var directory = SmallDirectory(advisors, Guid.NewGuid().ToString("N")[..8]);
        var store = new TableDirectoryStore(new TableServiceClient(TestEnvironment.StorageConnectionString), TimeProvider.System, prefix);
        await store.EnsureCreatedAsync(CancellationToken.None);
        await store.SaveAsync(directory, CancellationToken.None);
        return directory;
    }

    public string AdvisorEmail(int i) => Directory.Advisors[i].Email;

    public string CompanyEmail => $"dirigeant-{_run}@entreprise.test";

    public string ManagerEmail => Directory.Antennas[0].Managers[0].Email;

    private static DirectoryDocument SmallDirectory(int advisors, string run) => new()
    {
        Themes = [new Theme { Id = "tresorerie", Label = "Trésorerie", Subjects = [new Subject { Id = Subject, Label = "Faire face à des difficultés de trésorerie" }] }],
        Institutions = [new Institution { Id = "urssaf", Name = "Urssaf", Subjects = [Subject] }, new Institution { Id = "bdf", Name = "Banque de France", Subjects = [Subject] }],
        Antennas =
        [
            new Antenna
            {
                Id = "urssaf-47", InstitutionId = "urssaf", Name = "Urssaf Lot-et-Garonne", Territories = new Territories { Departements = ["47"] },
                Managers = [new Manager { Name = "Responsable Urssaf", Email = $"responsable-{run}@partenaire.test" }],
            },
            new Antenna { Id = "bdf-47", InstitutionId = "bdf", Name = "Banque de France Lot-et-Garonne", Territories = new Territories { Departements = ["47"] } },
        ],
        Advisors = [.. Enumerable.Range(0, advisors).Select(i => new Advisor
        {
            Id = $"conseiller-{i}",
            AntennaId = i % 2 == 0 ? "urssaf-47" : "bdf-47",
            Name = $"Conseiller{i} Test",
            Email = $"conseiller{i}-{run}@partenaire.test",
            Subjects = [Subject],
        })],
    };

    public async Task<string> SubmitAsync(string? description = null, string? idempotencyKey = null) =>
        await SubmitAsync(Client, Siret, CompanyEmail, description, idempotencyKey);

    /// <summary>Submits a need on the harness's subject as the site's form does, and gives its id.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string siret, string companyEmail, string? description = null, string? idempotencyKey = null)
    {
        var response = await client.PostAsJsonAsync("/api/needs", new
        {
            subjectId = Subject,
            description = description ?? "Nous avons un retard de paiement d'un gros client et la trésorerie ne couvre plus les salaires du mois.",
            siret,
            firstName = "Camille",
            lastName = "Dupont",
            email = companyEmail,
            phone = "06 12 34 56 78",
            consent = true,
            idempotencyKey,
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString()!;
    }

    /// <summary>The advisor's client, authenticated with the token of the link in its new-need email (waited for up to <paramref name="timeout"/>, 20 s by default).</summary>
    public async Task<HttpClient> AdvisorClientFromEmailAsync(int advisor, TimeSpan? timeout = null)
    {
        var emails = await Mailbox.WaitForAsync(AdvisorEmail(advisor), timeout: timeout);
        var email = emails.Count > 0 ? emails[0] : throw new InvalidOperationException($"no email reached advisor {advisor}");
        var match = AdvisorLink().Match(email.Text ?? string.Empty);
        Assert.True(match.Success, "the advisor email carries a need-sheet link with a token in its fragment");
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(match.Groups["token"].Value));
        return client;
    }

    /// <summary>
    /// The advisor's client, authenticated with a need-sheet link signed by the app itself, as the one of its new-need
    /// email is: for tests about what advisors do, not about the emails reaching them.
    /// </summary>
    public HttpClient AdvisorClientFromSignedLink(int advisor, string needId)
    {
        var link = Host.Services.GetRequiredService<SignedLinks>().AdvisorNeed(Directory.Advisors[advisor].Id, needId);
        var match = AdvisorLink().Match(link.ToString());
        Assert.True(match.Success, "the app signs need-sheet links with a token in their fragment");
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(match.Groups["token"].Value));
        return client;
    }

    /// <summary>The company's client, authenticated with the token of the follow-up link in its confirmation email.</summary>
    public async Task<HttpClient> CompanyClientFromEmailAsync()
    {
        var emails = await Mailbox.WaitForAsync(CompanyEmail);
        var email = emails.Count > 0 ? emails[0] : throw new InvalidOperationException("no confirmation reached the company");
        var match = CompanyLink().Match(email.Text ?? string.Empty);
        Assert.True(match.Success, "the confirmation carries a follow-up link with a token in its fragment");
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Uri.UnescapeDataString(match.Groups["token"].Value));
        return client;
    }

    public static async Task<HttpResponseMessage> PositionAsync(HttpClient advisor, string needId, string status, string? comment = null) =>
        await advisor.PostAsJsonAsync($"/api/advisor/needs/{needId}/position", new { status, comment });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Mailbox.Dispose();
        await Host.DisposeAsync();
        await Companies.DisposeAsync();
    }

    [GeneratedRegex(@"besoin\.html#besoin=(?<need>[^&\s]+)&jeton=(?<token>[^\s>""]+)")]
    private static partial Regex AdvisorLink();

    [GeneratedRegex(@"suivi\.html#besoin=(?<need>[^&\s]+)&jeton=(?<token>[^\s>""]+)")]
    private static partial Regex CompanyLink();
}
