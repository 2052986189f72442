using System.Globalization;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.LocalHost.Durable;
using ConseillersEntreprises.LocalHost.Functions;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConseillersEntreprises.Integration.Tests.Durable;

/// <summary>
/// The per-need orchestration with its real activities, on the Durable Task worker LocalHost runs over the Azure
/// Storage backend against Azurite, sending through the SMTP capture: the need's snapshot, the advisors' emails, a
/// command's answer and its read-your-writes inbox row, the debounced company notice.
/// </summary>
public sealed class DurableWorkflowTests : IAsyncLifetime
{
    private readonly string _prefix = AppHost.NewTablePrefix();
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private IHost? _host;

    private IServiceProvider Services => _host!.Services;

    private string AdvisorEmail(string id) => $"{id}-{_run}@partenaire.test";

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = TestEnvironment.StorageConnectionString,
            ["Storage:TablePrefix"] = _prefix,
            ["Smtp:Host"] = TestEnvironment.SmtpHost,
            ["Smtp:Port"] = TestEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:From"] = "Conseillers-Entreprises <contact@conseillers-entreprises.test>",
            ["Email:MaxPerMinute"] = "6000",
            ["Links:SigningKeys:0"] = "test1=" + AppHost.SharedSecret,
            ["Site:BaseUrl"] = "http://127.0.0.1:5999",
            ["CompanyLookup:BaseUrl"] = "http://127.0.0.1:9",
            ["Directory:SeedDemo"] = "false",
            ["Durable:HubName"] = "hub" + _prefix,
            ["Durable:MaxQueuePollingInterval"] = "00:00:00.500",
            ["Workflow:BusinessHoursOnly"] = "false",
            ["Workflow:CompanyNoticeDelay"] = "00:00:01",
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddConseillersEntreprises(builder.Configuration);
        builder.Services.AddLocalDurableTask(builder.Configuration, FunctionCatalog.Discover(typeof(NeedOrchestrator).Assembly));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    [Fact]
    public async Task A_need_is_dispatched_and_a_command_answered_through_its_orchestration()
    {
        using var mailbox = new Mailbox();
        var client = Services.GetRequiredService<DurableTaskClient>();
        var workflow = Services.GetRequiredService<NeedWorkflow>();
        var needId = "b" + _run;
        var companyEmail = $"dirigeant-{_run}@entreprise.test";
        var submitted = new NeedSubmitted(needId, "tresorerie", "Difficultés de trésorerie", "Un client important paie avec trois mois de retard.",
            new NeedCompany { Siret = "73282932000074", Name = "MENUISERIE DUPONT", CommuneCode = "47203", CommuneName = "Penne-d'Agenais" },
            new NeedContact { FirstName = "Camille", LastName = "Dupont", Email = companyEmail, Phone = "06 12 34 56 78" },
            [Advisor("a"), Advisor("b")]);

        // As the intake does: the orchestration started (once), the first snapshot stored.
        Assert.True((await workflow.SubmitAsync(client, submitted, CancellationToken.None)).Created);
        Assert.False((await workflow.SubmitAsync(client, submitted, CancellationToken.None)).Created);

        Assert.NotEmpty(await mailbox.WaitForAsync(AdvisorEmail("a")));
        Assert.NotEmpty(await mailbox.WaitForAsync(AdvisorEmail("b")));
        Assert.NotEmpty(await mailbox.WaitForAsync(companyEmail));
        var snapshot = await Services.GetRequiredService<NeedSnapshotStore>().GetAsync(needId, CancellationToken.None);
        Assert.Equal(1, snapshot!.State.Version);

        var refused = await workflow.ApplyAsync(client, needId, new PositionChanged("a", MatchStatus.Done), CancellationToken.None);
        var taken = await workflow.ApplyAsync(client, needId, new PositionChanged("a", MatchStatus.TakingCare), CancellationToken.None);
        var stranger = await workflow.ApplyAsync(client, needId, new PositionChanged("z", MatchStatus.TakingCare), CancellationToken.None);
        var inbox = await Services.GetRequiredService<AdvisorInbox>().OfAsync("a", CancellationToken.None);

        Assert.Equal(RejectionCode.TransitionNotAllowed, refused.Rejection?.Code);
        Assert.Null(taken.Rejection);
        Assert.Equal(MatchStatus.TakingCare, taken.State!.MatchOf("a")!.Status);
        Assert.Equal(RejectionCode.UnknownAdvisor, stranger.Rejection?.Code); // refused on the snapshot, never sent
        Assert.Equal("taking_care", Assert.Single(inbox, e => e.NeedId == needId).Status);
        var notices = await mailbox.WaitForAsync(companyEmail, count: 2);
        var notice = Assert.Single(notices, e => e.Subject.StartsWith("Votre demande est prise en charge", StringComparison.Ordinal));
        Assert.Contains("Conseiller A", notice.Text, StringComparison.Ordinal);
    }

    private RoutedAdvisor Advisor(string id) =>
        new(id, $"Conseiller {id.ToUpperInvariant()}", AdvisorEmail(id), $"inst-{id}", $"Institution {id.ToUpperInvariant()}", $"ant-{id}", $"Antenne {id.ToUpperInvariant()}");
}
