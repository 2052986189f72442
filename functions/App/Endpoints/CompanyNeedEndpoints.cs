using ConseillersEntreprises.App.Needs;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Needs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class CompanyNeedEndpoints
{
    public static IEndpointRouteBuilder MapCompanyNeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/company/needs/{needId}", GetAsync).AddEndpointFilter<CompanyAccessFilter>().WithName("CompanyNeed");
        return app;
    }

    /// <summary>What the company may know: the status, which institutions took its need on; never advisors' positions in detail.</summary>
    private static async Task<Results<Ok<CompanyNeedView>, ProblemHttpResult>> GetAsync(string needId, NeedWorkflow workflow, CancellationToken ct)
    {
        if (await workflow.LoadAsync(needId, ct) is not { } state)
        {
            return TypedResults.Problem(statusCode: 404, title: "Demande introuvable", detail: "Cette demande n'existe pas.");
        }

        var takenOn = state.Matches
            .Where(m => m.Status is MatchStatus.TakingCare or MatchStatus.Done or MatchStatus.DoneNoHelp or MatchStatus.DoneNotReachable)
            .Select(m => new TakenOnDto(m.InstitutionName, m.AdvisorName, m.TakenOnAt))
            .ToList();
        var status = state.IsCancelled ? "cancelled" : state.IsAbandoned ? "abandoned" : state.IsUnrouted ? "unrouted" : NeedJson.WireName(state.Status);
        return TypedResults.Ok(new CompanyNeedView(
            state.NeedId,
            state.SubjectLabel,
            state.CreatedAt,
            status,
            [.. state.Matches.Select(m => m.InstitutionName).Distinct(StringComparer.Ordinal)],
            takenOn));
    }

    public sealed record CompanyNeedView(
        string NeedId, string Subject, DateTimeOffset CreatedAt, string Status, IReadOnlyList<string> Institutions, IReadOnlyList<TakenOnDto> TakenOnBy);

    public sealed record TakenOnDto(string Institution, string AdvisorName, DateTimeOffset? TakenOnAt);
}
