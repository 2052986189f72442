using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/admin/routing/explain?subjectId=&amp;communeCode=&amp;siret=</c>: for each advisor competent on the subject,
/// kept, or left out with the reason. With a SIRET the company facts (and the commune, unless given) come from the
/// lookup; without it they are unknown and filters needing them fail.
/// </summary>
public sealed class RoutingExplainFunctions(OperatorAccess operators, CurrentDirectory directory, ICompanyLookup companies, TimeProvider time)
{
    [Function("ExplainRouting")]
    public async Task<IResult> ExplainRouting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/routing/explain")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.HttpContext).Refusal is { } refusal)
        {
            return refusal;
        }

        var subjectId = Query(request, "subjectId");
        var communeCode = Query(request, "communeCode");
        var siret = Query(request, "siret");
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
            var result = await companies.LookupAsync(normalizedSiret, cancellationToken);
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

    private static string? Query(HttpRequest request, string name) => request.Query[name] is { Count: > 0 } values ? values.ToString() : null;

    public sealed record ExplainResponse(string SubjectId, string? CommuneCode, string CompanyLookup, IReadOnlyList<KeptDto> Kept, IReadOnlyList<LeftOutDto> LeftOut);

    public sealed record KeptDto(string AdvisorId, string AdvisorName, string Institution, string Antenna);

    public sealed record LeftOutDto(string AdvisorId, string AdvisorName, string Rule, string Reason);
}
