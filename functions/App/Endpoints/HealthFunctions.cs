using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Health;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary><c>GET /api/health</c>: 200 when every health check passes (storage answers within 3 s); 503 otherwise.</summary>
public sealed class HealthFunctions(HealthCheckService health, CurrentDirectory directory)
{
    [Function("Health")]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var snapshot = directory.Snapshot;
        var storage = report.Entries.TryGetValue(StorageHealthCheck.Name, out var entry) && entry.Status == HealthStatus.Healthy ? "ok" : "injoignable";
        var healthy = report.Status == HealthStatus.Healthy;
        return TypedResults.Json(
            new HealthReport(healthy ? "ok" : "unavailable", storage, snapshot?.Version, snapshot?.Document.Advisors.Count ?? 0),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthReport(string Status, string Storage, string? DirectoryVersion, int Advisors);
}
