using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class RoutingExplainEndpoints
{
    public static IEndpointRouteBuilder MapRoutingExplainEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/routing/explain", ExplainAsync)
            .AddEndpointFilter<OperatorAccessFilter>()
            .WithName("ExplainRouting");
        return app;
    }

    /// <summary>
    /// For each advisor competent on the subject: kept, or left out with the reason. With a SIRET the company facts
    /// (and the commune, unless given) come from the lookup; without it they are unknown and filters needing them fail.
    /// </summary>
    private static async Task<Results<Ok<ExplainResponse>, ValidationProblem>> ExplainAsync(
        string? subjectId, string? communeCode, string? siret,
        CurrentDirectory directory, ICompanyLookup companies, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var snapshot = directory.Snapshot;
        if (string.IsNullOrWhiteSpace(subjectId) || snapshot is null || !snapshot.SubjectLabels.ContainsKey(subjectId))
        {
            errors["subjectId"] = [string.IsNullOrWhiteSpace(subjectId) ? "Le sujet est obligatoire" : $"Sujet « {subjectId} » inconnu"];
        }

        string? normalizedSiret = null;
        if (!string.IsNullOrWhiteSpace(siret) && !Siret.TryNormalize(siret, out normalizedSiret, out var siretError))
        {
            errors["siret"] = [siretError ?? "SIRET invalide"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        CompanyFacts? facts = null;
        var lookup = "none";
        if (normalizedSiret is not null)
        {
            var result = await companies.LookupAsync(normalizedSiret, ct);
            facts = result.Facts;
            lookup = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.Kind.ToString());
        }

        var commune = string.IsNullOrWhiteSpace(communeCode) ? facts?.CommuneCode : communeCode;
        var explanation = snapshot!.Routing.Explain(new RoutingRequest(subjectId!, commune, facts, ParisTime.Today(time.GetUtcNow())));
        return TypedResults.Ok(new ExplainResponse(
            explanation.SubjectId,
            explanation.CommuneCode,
            lookup,
            [.. explanation.Kept.Select(a => new KeptDto(a.AdvisorId, a.AdvisorName, a.InstitutionName, a.AntennaName))],
            [.. explanation.LeftOut.Select(a => new LeftOutDto(a.AdvisorId, a.AdvisorName, a.Rule, a.Reason))]));
    }

    public sealed record ExplainResponse(string SubjectId, string? CommuneCode, string CompanyLookup, IReadOnlyList<KeptDto> Kept, IReadOnlyList<LeftOutDto> LeftOut);

    public sealed record KeptDto(string AdvisorId, string AdvisorName, string Institution, string Antenna);

    public sealed record LeftOutDto(string AdvisorId, string AdvisorName, string Rule, string Reason);
}
