using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Geography;
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
    CurrentDirectory directory,
    TerritoryIndex territories,
    TimeProvider time,
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
        var query = request.Query;
        var parsed = Parse(query["from"], query["to"], query["region"], query["theme"]);
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

    private async Task<StatsReport> ReportAsync(StatsQuery query, CancellationToken ct)
    {
        var rows = await stats.ReadAsync(StatsMonth.Format(query.From), StatsMonth.Format(query.To), ct);
        var snapshot = directory.Snapshot;
        var themes = snapshot?.ThemeLabels;
        return StatsAggregator.Aggregate(rows, query, id => themes?.GetValueOrDefault(id), territories.RegionName, id => snapshot?.InstitutionNames.GetValueOrDefault(id));
    }

    /// <summary>Defaults: the last 12 months up to the current one (Europe/Paris), all of France, every theme.</summary>
    private (StatsQuery? Query, Dictionary<string, string[]>? Errors) Parse(string? from, string? to, string? region, string? theme)
    {
        var errors = new Dictionary<string, string[]>();
        var currentMonth = StatsMonth.TryParse(StatsMonth.Of(time.GetUtcNow()), out var now) ? now : default;
        var toMonth = currentMonth;
        if (!string.IsNullOrWhiteSpace(to) && !StatsMonth.TryParse(to.Trim(), out toMonth))
        {
            errors["to"] = ["Mois de fin invalide : attendu au format AAAA-MM, par exemple 2026-06"];
            toMonth = currentMonth; // only to derive a default start below; the query is refused anyway
        }

        var fromMonth = toMonth.AddMonths(-11);
        if (!string.IsNullOrWhiteSpace(from) && !StatsMonth.TryParse(from.Trim(), out fromMonth))
        {
            errors["from"] = ["Mois de début invalide : attendu au format AAAA-MM, par exemple 2026-01"];
        }

        if (errors.Count == 0)
        {
            if (fromMonth > toMonth)
            {
                errors["from"] = ["Le mois de début doit précéder le mois de fin"];
            }
            else if (StatsMonth.Count(fromMonth, toMonth) > StatsQuery.MaxMonths)
            {
                errors["from"] = [$"La période ne peut pas dépasser {StatsQuery.MaxMonths} mois"];
            }
        }

        var regionCode = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        if (regionCode is not null && !territories.IsRegion(regionCode))
        {
            errors["region"] = ["Région inconnue : attendu un code de région INSEE, par exemple 84"];
        }

        var themeId = string.IsNullOrWhiteSpace(theme) ? null : theme.Trim();
        if (themeId is not null && directory.Snapshot?.ThemeLabels.ContainsKey(themeId) != true)
        {
            errors["theme"] = ["Thématique inconnue"];
        }

        return errors.Count > 0 ? (null, errors) : (new StatsQuery(fromMonth, toMonth, regionCode, themeId), null);
    }
}
