using ConseillersEntreprises.App.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;

// The Functions host (Azure) starts this worker; functions/LocalHost runs the same function classes locally.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddConseillersEntreprises(builder.Configuration);
// The worker's own spans (one per invocation, parented to the host's) and its resource attributes, exported with ours.
builder.Services.AddTelemetry(builder.Configuration).UseFunctionsWorkerDefaults();
builder.Build().Run();
