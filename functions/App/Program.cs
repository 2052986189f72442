using ConseillersEntreprises.App.Composition;
using Microsoft.Azure.Functions.Worker.Builder;

// The Functions host (Azure) starts this worker; functions/LocalHost runs the same function classes locally.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddConseillersEntreprises(builder.Configuration);
builder.Build().Run();
