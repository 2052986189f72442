using ConseillersEntreprises.Storage.Directory;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConseillersEntreprises.App.Health;

/// <summary>Storage answers: one point read (the directory's current version), within the check's timeout.</summary>
public sealed class StorageHealthCheck(TableDirectoryStore store) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetCurrentVersionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Storage does not answer.", e);
        }
    }
}
