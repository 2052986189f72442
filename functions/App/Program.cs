using Azure.Identity;
using ConseillersEntreprises.App;
using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Endpoints;
using ConseillersEntreprises.App.Needs;
using ConseillersEntreprises.App.Triggers;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Storage;
using ConseillersEntreprises.Storage.Diagnostics;
using ConseillersEntreprises.Storage.Directory;
using ConseillersEntreprises.Storage.Emails;
using ConseillersEntreprises.Storage.Needs;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Stats;
using ConseillersEntreprises.Storage.Queues;
using ConseillersEntreprises.Storage.Timers;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SiteFolder.Locate(),
});

builder.Services.AddValidatedSettings(builder.Configuration);
// One managed-identity credential for storage and ACS (it caches its tokens); unused with a connection string.
builder.Services.AddSingleton<Azure.Core.TokenCredential>(_ => new DefaultAzureCredential());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(_ => TerritoryIndex.LoadEmbedded());
// Counts every Storage request (retries included) for GET /api/admin/metrics/storage and the load driver.
builder.Services.AddSingleton(sp => new StorageRequestCounter(TablePrefix(sp)));
builder.Services.AddSingleton(sp =>
{
    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
    // Few, quick retries: a request waiting on storage is a person waiting; the background loops retry on their own.
    var options = new Azure.Data.Tables.TableClientOptions();
    options.Retry.MaxRetries = 2;
    options.Retry.Delay = TimeSpan.FromMilliseconds(200);
    options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    options.AddPolicy(sp.GetRequiredService<StorageRequestCounter>(), Azure.Core.HttpPipelinePosition.PerRetry);
    return StorageClients.Tables(storage.ConnectionString, storage.AccountName, sp.GetRequiredService<Azure.Core.TokenCredential>(), options);
});
builder.Services.AddSingleton(sp => new TableDirectoryStore(Tables(sp), sp.GetRequiredService<TimeProvider>(), TablePrefix(sp)));
builder.Services.AddSingleton(sp =>
{
    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
    var options = new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None };
    options.Retry.MaxRetries = 2;
    options.Retry.Delay = TimeSpan.FromMilliseconds(200);
    options.AddPolicy(sp.GetRequiredService<StorageRequestCounter>(), Azure.Core.HttpPipelinePosition.PerRetry);
    return StorageClients.Queues(storage.ConnectionString, storage.AccountName, sp.GetRequiredService<Azure.Core.TokenCredential>(), options);
});
builder.Services.AddSingleton(sp => new TableNeedStore(Tables(sp), sp.GetRequiredService<TimeProvider>(), TablePrefix(sp)));
builder.Services.AddSingleton(sp => new TableTimerStore(Tables(sp), TablePrefix(sp)));
builder.Services.AddSingleton(sp => new TableProjections(Tables(sp), TablePrefix(sp)));
builder.Services.AddSingleton(sp => new TableNeedStats(Tables(sp), TablePrefix(sp)));
builder.Services.AddSingleton(sp => new SentEmailLedger(Tables(sp), TablePrefix(sp)));
builder.Services.AddSingleton(sp => new QueueBus(sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(), TablePrefix(sp)));
builder.Services.AddHostedService<StorageSetup>();
builder.Services.AddStatsCache();
builder.Services.AddSingleton<CurrentDirectory>();
builder.Services.AddSingleton<NeedWorkflow>();
builder.Services.AddSingleton<SignedLinks>();
builder.Services.AddSingleton<NeedEmailRenderer>();
builder.Services.AddSingleton<ConseillersEntreprises.App.Workflow.NeedEmailComposer>();
builder.Services.AddSingleton<ConseillersEntreprises.App.Workflow.NeedReadModels>();
builder.Services.AddSingleton<LedgeredEmailSender>();
builder.Services.AddSingleton<OutboxRelayHandler>();
builder.Services.AddSingleton<EmailQueueHandler>();
builder.Services.AddSingleton<TimerSweeper>();
builder.Services.AddSingleton<OutboxSweeper>();
builder.Services.AddSingleton<HostingMode>();
if (builder.Configuration[HostingMode.PortSetting] is { Length: > 0 } customHandlerPort)
{
    // Under the Functions host: listen where it forwards requests to.
    builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
}

// The local triggers stand down by themselves under the Functions host (HostingMode), which then invokes the same
// handlers through the function routes. Registered as plain IHostedService singletons: AddHostedService would keep
// only one LocalQueueTrigger.
builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<LocalQueueTrigger>(sp, (IQueueHandler)sp.GetRequiredService<OutboxRelayHandler>()));
builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<LocalQueueTrigger>(sp, (IQueueHandler)sp.GetRequiredService<EmailQueueHandler>()));
builder.Services.AddHostedService(sp => sp.GetRequiredService<TimerSweeper>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSweeper>());

builder.Services.AddHostedService<DirectoryRefreshService>();
builder.Services.AddSingleton<LinkTokens>();
builder.Services.AddSingleton<OperatorAccessFilter>();
builder.Services.AddSingleton<AdvisorAccessFilter>();
builder.Services.AddSingleton<CompanyAccessFilter>();
builder.Services.AddSingleton<SmtpEmailSender>();
builder.Services.AddHttpClient<AcsEmailSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
builder.Services.AddSingleton<IEmailSender>(sp => ActivatorUtilities.CreateInstance<PacedEmailSender>(sp,
    string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Acs.Endpoint)
        ? sp.GetRequiredService<SmtpEmailSender>()
        : (IEmailSender)sp.GetRequiredService<AcsEmailSender>()));
builder.Services.AddSingleton<SignInEmails>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SignInEmails>());
builder.Services.AddCompanyLookup(builder.Configuration);
builder.Services.AddPublicRateLimits(builder.Configuration);
builder.Services.AddFrenchProblemDetails();
builder.Services.AddResponseCompression(options => options.EnableForHttps = true); // the DSFR stylesheet: 354 KiB → 46 KiB
builder.Services.ConfigureHttpJsonOptions(options => DirectoryJson.Configure(options.SerializerOptions));
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    // Azure's front end sets X-Forwarded-For; rate limits need the client's address, not the proxy's.
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    options.KnownIPNetworks.Clear();
    options.KnownProxies.Clear();
    options.ForwardLimit = 1;
});

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment() && !SiteFolder.IsLoopback(app.Configuration["ASPNETCORE_URLS"]))
{
    app.UseHsts();
}

app.UseResponseCompression();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseOutputCache();

app.MapHealthEndpoints();
app.MapCatalogEndpoints();
app.MapCommuneEndpoints();
app.MapCompanyEndpoints();
app.MapAdminLoginEndpoints();
app.MapAdminDirectoryEndpoints();
app.MapAdminMetricsEndpoints();
app.MapRoutingExplainEndpoints();
app.MapNeedIntakeEndpoints();
app.MapAdvisorEndpoints();
app.MapAdvisorLoginEndpoints();
app.MapCompanyNeedEndpoints();
app.MapAdminNeedEndpoints();
app.MapStatsEndpoints();
app.MapFunctionInvocations();
app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Introuvable", detail: "Cette adresse de l'API n'existe pas."));

await app.RunAsync();

static Azure.Data.Tables.TableServiceClient Tables(IServiceProvider sp) => sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>();

static string? TablePrefix(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;

/// <summary>Entry point type, public so that integration tests can host the app.</summary>
public partial class Program;
