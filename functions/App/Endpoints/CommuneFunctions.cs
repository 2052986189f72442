using ConseillersEntreprises.Core.Geography;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary><c>GET /api/communes?q=</c>: communes by name (accents and case ignored) or postal code, 20 at most.</summary>
public sealed class CommuneFunctions(TerritoryIndex territories, PublicRateLimiter limits)
{
    [Function("Communes")]
    public IResult Communes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "communes")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (limits.Refusal(RateLimitPolicy.Public, request) is { } refused)
        {
            return refused;
        }

        var q = request.Query["q"].ToString();
        return TypedResults.Ok(territories.Search(q.Length > 100 ? q[..100] : q, 20).Select(c => new CommuneDto(
            c.Code, c.Name, c.PostalCodes, c.DepartementCode, c.RegionCode)).ToList());
    }

    public sealed record CommuneDto(string Code, string Name, IReadOnlyList<string> PostalCodes, string Departement, string Region);
}
