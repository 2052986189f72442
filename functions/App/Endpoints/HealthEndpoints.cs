using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithName("Health");
        return app;
    }

    /// <summary>200 when storage answers (one point read, 3 s at most); 503 otherwise.</summary>
    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> CheckAsync(
        TableDirectoryStore store, CurrentDirectory directory, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
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
