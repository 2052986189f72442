using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary><c>GET /api/health</c>: 200 when storage answers (one point read, 3 s at most); 503 otherwise.</summary>
public sealed class HealthFunctions(TableDirectoryStore store, CurrentDirectory directory)
{
    [Function("Health")]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        var snapshot = directory.Snapshot;
        try
        {
            await store.GetCurrentVersionAsync(timeout.Token);
            return TypedResults.Ok(new HealthReport("ok", "ok", snapshot?.Version, snapshot?.Document.Advisors.Count ?? 0));
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            return TypedResults.Json(new HealthReport("unavailable", "injoignable", snapshot?.Version, snapshot?.Document.Advisors.Count ?? 0),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public sealed record HealthReport(string Status, string Storage, string? DirectoryVersion, int Advisors);
}
