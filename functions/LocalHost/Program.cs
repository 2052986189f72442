using System.IO.Compression;
using ConseillersEntreprises.App;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.App.Endpoints;
using ConseillersEntreprises.LocalHost;
using ConseillersEntreprises.LocalHost.Demo;
using ConseillersEntreprises.LocalHost.Durable;
using ConseillersEntreprises.LocalHost.Functions;
using ConseillersEntreprises.LocalHost.Http;
using ConseillersEntreprises.LocalHost.Site;
using ConseillersEntreprises.LocalHost.Timers;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// LocalHost: the app's functions and the static site on one URL, for ./run.sh and every test.
var functions = FunctionCatalog.Discover(typeof(AppServiceCollectionExtensions).Assembly);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = SiteFolder.Locate(),
});

builder.Services.AddConseillersEntreprises(builder.Configuration);
builder.Services.AddTelemetry(builder.Configuration)
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
builder.Services.AddLocalDurableTask(builder.Configuration, functions);
builder.Services.AddLocalTimers(functions);
builder.Services.AddSingleton<ConseillersEntreprises.App.Demo.DemoHistorySeeder>();
builder.Services.AddHostedService<DemoHistoryService>(); // after the Durable worker: it submits the open needs
builder.Services.AddFrenchProblemDetails();
builder.Services.AddResponseCompression(options => options.EnableForHttps = true);
// Optimal rather than the default Fastest, as a CDN compresses: the DSFR stylesheet goes out in 46 KiB instead of 69.
builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
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
app.UseStaticFiles(SiteCaching.StaticFileOptions());
// Routing after the static files: the site's 404 fallback below must not hide them (a matched endpoint disables them).
app.UseRouting();

var hostJson = HostJson.Load();
app.MapHttpFunctions(functions, hostJson.RoutePrefix, hostJson.CustomHeaders);
app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Introuvable", detail: "Cette adresse de l'API n'existe pas."));
app.MapSiteNotFound(app.Environment);

await app.RunAsync();
