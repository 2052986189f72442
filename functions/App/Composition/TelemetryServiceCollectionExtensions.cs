using Azure.Monitor.OpenTelemetry.Exporter;
using ConseillersEntreprises.App.Telemetry;
using ConseillersEntreprises.Storage.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConseillersEntreprises.App.Composition;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The Durable Task SDK's source: a span per orchestration episode, activity, timer and raised event.</summary>
    public const string DurableTaskSource = "Microsoft.DurableTask";

    /// <summary>
    /// OpenTelemetry traces and metrics: outgoing HTTP (the company lookup, ACS), the orchestration and its activities,
    /// the Azure SDK's storage calls, our emails and storage request counts. Exported to Azure Monitor when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (on Azure), to an OTLP collector when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is, to the console when <c>Telemetry:Console</c> is true; otherwise nowhere.
    /// </summary>
    public static OpenTelemetryBuilder AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The Azure SDK emits its spans only when asked.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("conseillers-entreprises"))
            .WithTracing(tracing => tracing
                .AddSource(AppTelemetry.SourceName, DurableTaskSource, "Azure.*")
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(AppTelemetry.MeterName, StorageRequestCounter.MeterName)
                .AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitorExporter();
        }

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        if (configuration.GetValue<bool>("Telemetry:Console"))
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return telemetry;
    }
}
