using ConseillersEntreprises.App.Directory;

namespace ConseillersEntreprises.App.Endpoints;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalog", (CurrentDirectory directory) =>
            TypedResults.Ok(new CatalogResponse([.. (directory.Snapshot?.Document.Themes ?? []).Select(t => new ThemeDto(
                t.Id, t.Label, t.Description, [.. t.Subjects.Select(s => new SubjectDto(s.Id, s.Label, s.Description))]))])))
            .RequireRateLimiting(RateLimits.Public)
            .WithName("Catalog");
        return app;
    }

    public sealed record CatalogResponse(IReadOnlyList<ThemeDto> Themes);

    public sealed record ThemeDto(string Id, string Label, string? Description, IReadOnlyList<SubjectDto> Subjects);

    public sealed record SubjectDto(string Id, string Label, string? Description);
}
