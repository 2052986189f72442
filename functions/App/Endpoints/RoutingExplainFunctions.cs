using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/admin/routing/explain?subjectId=&amp;communeCode=&amp;siret=</c>: for each advisor competent on the subject,
/// kept, or left out with the reason. With a SIRET the company facts (and the commune, unless given) come from the
/// lookup; without it they are unknown and filters needing them fail. A commune is required (given, or the SIRET's):
/// without one every advisor would be "left out" for want of a place, which explains nothing.
/// The left-out advisors come grouped by rule (filters first, territories last), each group counted.
/// </summary>
public sealed class RoutingExplainFunctions(OperatorAccess operators, CurrentDirectory directory, ICompanyLookup companies, TerritoryIndex territories, TimeProvider time)
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

        if (string.IsNullOrWhiteSpace(communeCode) && normalizedSiret is null && !errors.ContainsKey("siret"))
        {
            errors["communeCode"] = ["Choisissez la commune de l'entreprise (ou donnez son SIRET)"];
        }
        else if (!string.IsNullOrWhiteSpace(communeCode) && territories.FindCommune(communeCode) is null)
        {
            errors["communeCode"] = [$"Commune « {communeCode.Trim()} » inconnue : choisissez-la dans la liste"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "Corrigez les champs indiqués.", title: "Le routage ne peut pas être expliqué");
        }

        CompanyFacts? facts = null;
        var lookup = "none";
        if (normalizedSiret is not null)
        {
            var result = await companies.LookupAsync(normalizedSiret, cancellationToken);
            facts = result.Facts;
            lookup = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.Kind.ToString());
        }

        var commune = territories.FindCommune(string.IsNullOrWhiteSpace(communeCode) ? facts?.CommuneCode : communeCode);
        if (commune is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["communeCode"] = ["La commune de l'établissement n'a pas pu être trouvée avec ce SIRET : choisissez-la"] },
                detail: "Corrigez les champs indiqués.", title: "Le routage ne peut pas être expliqué");
        }

        var explanation = snapshot!.Routing.Explain(new RoutingRequest(subjectId!, commune.Code, facts, ParisTime.Today(time.GetUtcNow())));
        var leftOut = explanation.LeftOut
            .OrderBy(a => LeftOutRules.ReadingRank(a.Rule))
            .Select(a => new LeftOutDto(a.AdvisorId, a.AdvisorName, a.InstitutionName, a.AntennaName, a.Rule, LeftOutRules.Label(a.Rule), a.Reason))
            .ToList();
        return TypedResults.Ok(new ExplainResponse(
            explanation.SubjectId,
            commune.Code,
            commune.Name,
            lookup,
            [.. explanation.Kept.Select(a => new KeptDto(a.AdvisorId, a.AdvisorName, a.InstitutionName, a.AntennaName))],
            leftOut,
            [.. leftOut.GroupBy(a => a.Rule).Select(g => new LeftOutGroupDto(g.Key, g.First().ReasonLabel, g.Count()))]));
    }


    private static string? Query(HttpRequest request, string name) => request.Query[name] is { Count: > 0 } values ? values.ToString() : null;

    /// <param name="LeftOutGroups">One entry per rule present in <paramref name="LeftOut"/>, in the same order, with its count.</param>
    public sealed record ExplainResponse(
        string SubjectId,
        string CommuneCode,
        string CommuneName,
        string CompanyLookup,
        IReadOnlyList<KeptDto> Kept,
        IReadOnlyList<LeftOutDto> LeftOut,
        IReadOnlyList<LeftOutGroupDto> LeftOutGroups);

    public sealed record KeptDto(string AdvisorId, string AdvisorName, string Institution, string Antenna);

    /// <param name="Rule">inactive, territory, filter: stable, for programs.</param>
    /// <param name="ReasonLabel">The group's French name, for people.</param>
    /// <param name="Reason">The French sentence for this advisor (which filter, which territory).</param>
    public sealed record LeftOutDto(string AdvisorId, string AdvisorName, string? Institution, string? Antenna, string Rule, string ReasonLabel, string Reason);

    public sealed record LeftOutGroupDto(string Rule, string Label, int Count);
}
