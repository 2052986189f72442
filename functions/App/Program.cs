using ConseillersEntreprises.App;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.App.Endpoints;
using ConseillersEntreprises.App.Triggers;
using ConseillersEntreprises.Core.Directory;
using Microsoft.AspNetCore.HttpOverrides;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SiteFolder.Locate(),
});

builder.Services.AddConseillersEntreprises(builder.Configuration);
builder.Services.AddHandMadeEngineTriggers();
if (builder.Configuration[HostingMode.PortSetting] is { Length: > 0 } customHandlerPort)
{
    // Under the Functions host: listen where it forwards requests to.
    builder.WebHost.UseUrls($"http://127.0.0.1:{customHandlerPort}");
}

builder.Services.AddStatsCache();
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

/// <summary>Entry point type, public so that integration tests can host the app.</summary>
public partial class Program;
