using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Storage.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/admin/metrics/storage</c>: storage requests this instance has sent since it started (every attempt,
/// retries included), per service and operation. The load driver reads it before and after a phase.
/// </summary>
public sealed class AdminMetricsFunctions(OperatorAccess operators, StorageRequestCounter counter, TimeProvider time)
{
    [Function("StorageMetrics")]
    public IResult StorageMetrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/metrics/storage")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.HttpContext).Refusal is { } refusal)
        {
            return refusal;
        }

        var snapshot = counter.Snapshot();
        return TypedResults.Ok(new StorageMetricsReport(time.GetUtcNow(), snapshot.Total, snapshot.ByService, snapshot.Operations));
    }

    public sealed record StorageMetricsReport(
        DateTimeOffset At,
        long Total,
        IReadOnlyDictionary<string, long> ByService,
        IReadOnlyList<StorageOperationCount> Operations);
}
