using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Storage.Stats;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The public stats (PRODUCT.md): needs submitted, and the shares transmitted, with an exchange, closed with help and
/// taken on within 5 days; monthly, and by theme, size, sector and region. Public, rate-limited and cached: a query
/// reads the stats projection's partitions of its months, so the same query is answered from memory for
/// <see cref="StatsOptions.CacheDuration"/> (a popular page reads the table once per period, not once per visitor).
/// </summary>
public sealed class StatsFunctions(
    TableNeedStats stats,
    StatsQueryParser parser,
    StatsReports reports,
    IMemoryCache cache,
    IOptionsMonitor<StatsOptions> options,
    PublicRateLimiter limits)
{
    [Function("Stats")]
    public async Task<IResult> Stats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stats")] HttpRequest request,
        CancellationToken cancellationToken) =>
        limits.Refusal(RateLimitPolicy.Public, request) ?? await AnswerAsync(request, report => TypedResults.Ok(report), cancellationToken);

    [Function("StatsCsv")]
    public async Task<IResult> StatsCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stats.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        limits.Refusal(RateLimitPolicy.Public, request) ?? await AnswerAsync(
            request,
            report => TypedResults.File(App.Stats.StatsCsv.Monthly(report), "text/csv; charset=utf-8", $"conseillers-entreprises-statistiques-{report.From}-{report.To}.csv"),
            cancellationToken);

    private async Task<IResult> AnswerAsync(HttpRequest request, Func<StatsReport, IResult> answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = parser.Parse(request.Query);
        if (parsed.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Only successful reports are kept: a refused query is judged again each time.
        var duration = options.CurrentValue.CacheDuration;
        var report = duration > TimeSpan.Zero
            ? await cache.GetOrCreateAsync(parsed.Query!, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = duration;
                return ReportAsync(parsed.Query!, ct);
            })
            : await ReportAsync(parsed.Query!, ct);
        return answer(report!);
    }

    private async Task<StatsReport> ReportAsync(StatsQuery query, CancellationToken ct) =>
        reports.Aggregate(await stats.ReadAsync(StatsMonth.Format(query.From), StatsMonth.Format(query.To), ct), query);
}
