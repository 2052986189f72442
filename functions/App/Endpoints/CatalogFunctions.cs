using ConseillersEntreprises.App.Directory;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary><c>GET /api/catalog</c>: the themes and subjects a company chooses from.</summary>
public sealed class CatalogFunctions(CurrentDirectory directory, PublicRateLimiter limits)
{
    [Function("Catalog")]
    public IResult Catalog([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalog")] HttpRequest request) =>
        limits.Refusal(RateLimitPolicy.Public, request)
        ?? TypedResults.Ok(new CatalogResponse([.. (directory.Snapshot?.Document.Themes ?? []).Select(t => new ThemeDto(
            t.Id, t.Label, t.Description, [.. t.Subjects.Select(s => new SubjectDto(s.Id, s.Label, s.Description))]))]));

    public sealed record CatalogResponse(IReadOnlyList<ThemeDto> Themes);

    public sealed record ThemeDto(string Id, string Label, string? Description, IReadOnlyList<SubjectDto> Subjects);

    public sealed record SubjectDto(string Id, string Label, string? Description);
}
