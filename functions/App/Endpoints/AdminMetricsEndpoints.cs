using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Storage.Diagnostics;

namespace ConseillersEntreprises.App.Endpoints;

public static class AdminMetricsEndpoints
{
    public static IEndpointRouteBuilder MapAdminMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/metrics").AddEndpointFilter<OperatorAccessFilter>();
        admin.MapGet("/storage", GetStorage).WithName("StorageMetrics");
        return app;
    }

    /// <summary>
    /// Storage requests this instance has sent since it started (every attempt, retries included), per service and
    /// operation: the load driver reads it before and after a phase and takes the difference.
    /// </summary>
    private static StorageMetrics GetStorage(StorageRequestCounter counter, TimeProvider time)
    {
        var snapshot = counter.Snapshot();
        return new StorageMetrics(time.GetUtcNow(), snapshot.Total, snapshot.ByService, snapshot.Operations);
    }

    public sealed record StorageMetrics(
        DateTimeOffset At,
        long Total,
        IReadOnlyDictionary<string, long> ByService,
        IReadOnlyList<StorageOperationCount> Operations);
}
