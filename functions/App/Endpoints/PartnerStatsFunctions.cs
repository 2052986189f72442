using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Stats;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// A partner institution's own stats, with its API key: the public page's figures over the needs sent to its advisors,
/// with its advisors' own outcome (<see cref="PartnerStatsRows"/>). Same query, same JSON and CSV as <c>/api/stats</c>;
/// rate-limited per client address like the other public GETs; not cached (one partition read per query).
/// </summary>
public sealed class PartnerStatsFunctions(PartnerAccess partners, StatsQueryParser parser, StatsReports reports, PublicRateLimiter limits)
{
    [Function("PartnerStats")]
    public async Task<IResult> PartnerStats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partner/stats")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await AnswerAsync(request, (report, _) => TypedResults.Ok(report), cancellationToken);

    [Function("PartnerStatsCsv")]
    public async Task<IResult> PartnerStatsCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "partner/stats.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await AnswerAsync(
            request,
            (report, institutionId) => TypedResults.File(StatsCsv.Monthly(report), "text/csv; charset=utf-8", $"conseillers-entreprises-statistiques-{institutionId}-{report.From}-{report.To}.csv"),
            cancellationToken);

    private async Task<IResult> AnswerAsync(HttpRequest request, Func<StatsReport, string, IResult> answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (limits.Refusal(RateLimitPolicy.Public, request) is { } limited)
        {
            return limited;
        }

        var caller = await partners.RequireKeyAsync(request.HttpContext, ct);
        if (caller.Refusal is not null)
        {
            return caller.Refusal;
        }

        var parsed = parser.Parse(request.Query);
        if (parsed.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var institutionId = caller.Key!.InstitutionId;
        return answer(await reports.OfScopesAsync([StatsScope.Institution(institutionId)], parsed.Query!, ct), institutionId);
    }
}
