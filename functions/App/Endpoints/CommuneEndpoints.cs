using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.App.Endpoints;

public static class CommuneEndpoints
{
    public static IEndpointRouteBuilder MapCommuneEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/communes", (string? q, TerritoryIndex territories) =>
            TypedResults.Ok(territories.Search(q?.Length > 100 ? q[..100] : q, 20).Select(c => new CommuneDto(
                c.Code, c.Name, c.PostalCodes, c.DepartementCode, c.RegionCode)).ToList()))
            .RequireRateLimiting(RateLimits.Public)
            .WithName("Communes");
        return app;
    }

    public sealed record CommuneDto(string Code, string Name, IReadOnlyList<string> PostalCodes, string Departement, string Region);
}
