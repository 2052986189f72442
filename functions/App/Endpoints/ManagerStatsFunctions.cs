using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Stats;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// An antenna manager's stats, through the signed link of the digest: the public page's figures over the needs sent to
/// the advisors of one of its antennas (<c>antennaId</c>), or of all of them together when none is asked (a need sent to
/// two of them counts once); an antenna that is not the manager's is a 403.
/// </summary>
public sealed class ManagerStatsFunctions(ManagerAccess access, StatsQueryParser parser, StatsReports reports)
{
    [Function("ManagerStats")]
    public async Task<IResult> ManagerStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manager/stats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (manager, refusal) = access.Check(request.Context());
        if (refusal is not null)
        {
            return refusal;
        }

        var parsed = parser.Parse(request.Query);
        if (parsed.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var antennaId = request.Query["antennaId"].ToString().Trim();
        var antennas = manager!.Antennas.Select(a => a.Id).ToList();
        if (antennaId.Length > 0)
        {
            if (!antennas.Contains(antennaId, StringComparer.Ordinal))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé",
                    detail: "Vous n'êtes pas responsable de cette antenne : seules les statistiques de vos antennes vous sont ouvertes.");
            }

            antennas = [antennaId];
        }

        return TypedResults.Ok(await reports.OfScopesAsync([.. antennas.Select(StatsScope.Antenna)], parsed.Query!, cancellationToken));
    }
}
