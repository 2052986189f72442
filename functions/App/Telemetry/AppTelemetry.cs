using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ConseillersEntreprises.App.Telemetry;

/// <summary>
/// The app's own traces and metrics, beside those of HTTP, the Durable Task worker and the Azure SDK: one span per
/// email sent by the workflow, and the count of emails by outcome (<c>sent</c>, <c>skipped</c> as already sent,
/// <c>deferred</c> until the relay or the budget allows).
/// </summary>
public static class AppTelemetry
{
    public const string SourceName = "ConseillersEntreprises";
    public const string MeterName = "ConseillersEntreprises.Email";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Emails = Meter.CreateCounter<long>("emails", unit: "{email}", description: "Workflow emails, by outcome.");

    public static void EmailOutcome(string outcome) => Emails.Add(1, new KeyValuePair<string, object?>("email.outcome", outcome));
}
