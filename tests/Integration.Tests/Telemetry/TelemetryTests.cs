using System.Diagnostics;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.App.Telemetry;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.Storage.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ConseillersEntreprises.Integration.Tests.Telemetry;

/// <summary>
/// A need submitted and dispatched leaves its traces and metrics: the HTTP request, the Durable Task client and
/// worker, the Azure SDK's storage calls, the email sent; the storage requests and emails counted.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_dispatched_need_is_traced_from_the_request_to_the_email_and_counted()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, services: services => services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(meters => meters.AddInMemoryExporter(metrics)));

        await harness.SubmitAsync();
        Assert.NotEmpty(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0)));
        var tracer = harness.Host.Services.GetRequiredService<TracerProvider>();
        var meter = harness.Host.Services.GetRequiredService<MeterProvider>();
        await WaitUntilAsync(() =>
        {
            tracer.ForceFlush();
            lock (spans)
            {
                return spans.Any(s => s.OperationName == "email.send" && (string?)s.GetTagItem("email.outcome") == "sent");
            }
        });
        meter.ForceFlush();

        List<Activity> seen;
        lock (spans)
        {
            seen = [.. spans];
        }

        Assert.Contains(seen, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/needs", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Source.Name == TelemetryServiceCollectionExtensions.DurableTaskSource);
        Assert.Contains(seen, s => s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Source.Name == AppTelemetry.SourceName && s.OperationName == "email.send");
        Assert.Contains(metrics, m => m.MeterName == StorageRequestCounter.MeterName && m.Name == "storage.requests" && Sum(m) > 0);
        Assert.Contains(metrics, m => m.MeterName == AppTelemetry.MeterName && m.Name == "emails" && Sum(m) > 0);
    }

    private static long Sum(Metric metric)
    {
        long sum = 0;
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            sum += point.GetSumLong();
        }

        return sum;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the email's span never came");
            await Task.Delay(100);
        }
    }
}
