using ConseillersEntreprises.App.Coverage;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/admin/coverage?subjectId=</c> (JSON) and <c>/api/admin/coverage.csv?subjectId=</c>: for one subject, the
/// communes of France without a competent advisor and those where one institution has several, by département
/// (<see cref="SubjectCoverage"/>: territories and competence only; filters on company facts are left aside, excluded
/// communes count).
/// </summary>
public sealed class AdminCoverageFunctions(OperatorAccess operators, CurrentDirectory directory, TerritoryIndex territories)
{
    [Function("GetCoverage")]
    public IResult GetCoverage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/coverage")] HttpRequest request) =>
        Report(request, TypedResults.Ok);

    [Function("GetCoverageCsv")]
    public IResult GetCoverageCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/coverage.csv")] HttpRequest request) =>
        Report(request, report => TypedResults.File(CoverageCsv.Export(report), "text/csv; charset=utf-8", $"couverture-{report.SubjectId}.csv"));

    private IResult Report(HttpRequest request, Func<CoverageReport, IResult> answer)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.HttpContext).Refusal is { } refusal)
        {
            return refusal;
        }

        var subjectId = request.Query["subjectId"].ToString().Trim();
        if (directory.Snapshot is not { } snapshot)
        {
            return TypedResults.Problem(statusCode: 503, title: "Annuaire absent", detail: "Aucun annuaire n'est chargé pour le moment.");
        }

        if (subjectId.Length == 0 || !snapshot.SubjectLabels.ContainsKey(subjectId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["subjectId"] = [subjectId.Length == 0 ? "Le sujet est obligatoire" : $"Sujet « {subjectId} » inconnu"] },
                detail: "Choisissez un sujet du catalogue.",
                title: "La couverture ne peut pas être calculée");
        }

        return answer(SubjectCoverage.Compute(snapshot.Routing, territories, subjectId));
    }
}
