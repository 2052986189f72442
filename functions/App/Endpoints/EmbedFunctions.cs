using ConseillersEntreprises.App.Directory;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/embed/origins</c>: the partners' declared origins that may embed the need form (the same list as the
/// embeddable pages' <c>frame-ancestors</c>). The embedded form posts its height only to its parent when the parent's
/// origin is one of them, never to "*".
/// </summary>
public sealed class EmbedFunctions(CurrentDirectory directory, PublicRateLimiter limits)
{
    [Function("EmbedOrigins")]
    public IResult EmbedOrigins(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "embed/origins")] HttpRequest request) =>
        limits.Refusal(RateLimitPolicy.Public, request) ?? TypedResults.Ok(new EmbedOriginsResponse(directory.Snapshot?.EmbedOrigins ?? []));

    public sealed record EmbedOriginsResponse(IReadOnlyList<string> Origins);
}
