using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Storage.Stats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The public stats (PRODUCT.md): needs submitted, and the shares transmitted, with an exchange, closed with help and
/// taken on within 5 days; monthly, and by theme, size, sector and region. Public, rate-limited and cached: a query
/// reads the stats projection's partitions of its months, so the same query is served from memory for a while.
/// </summary>
public static class StatsEndpoints
{
    public static IEndpointRouteBuilder MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", GetAsync).RequireRateLimiting(RateLimits.Public).CacheOutput(StatsCachePolicy.Instance).WithName("Stats");
        app.MapGet("/api/stats.csv", GetCsvAsync).RequireRateLimiting(RateLimits.Public).CacheOutput(StatsCachePolicy.Instance).WithName("StatsCsv");
        return app;
    }

    /// <summary>The output cache the stats use (<see cref="StatsCachePolicy"/>).</summary>
    public static IServiceCollection AddStatsCache(this IServiceCollection services) => services.AddOutputCache();

    private static async Task<Results<Ok<StatsReport>, ValidationProblem>> GetAsync(
        string? from, string? to, string? region, string? theme,
        TableNeedStats stats, CurrentDirectory directory, TerritoryIndex territories, TimeProvider time, CancellationToken ct)
    {
        var parsed = Parse(from, to, region, theme, directory, territories, time);
        if (parsed.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await ReportAsync(parsed.Query!, stats, directory, territories, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> GetCsvAsync(
        string? from, string? to, string? region, string? theme,
        TableNeedStats stats, CurrentDirectory directory, TerritoryIndex territories, TimeProvider time, CancellationToken ct)
    {
        var parsed = Parse(from, to, region, theme, directory, territories, time);
        if (parsed.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = await ReportAsync(parsed.Query!, stats, directory, territories, ct);
        return TypedResults.File(
            StatsCsv.Monthly(report), "text/csv; charset=utf-8", $"conseillers-entreprises-statistiques-{report.From}-{report.To}.csv");
    }

    private static async Task<StatsReport> ReportAsync(
        StatsQuery query, TableNeedStats stats, CurrentDirectory directory, TerritoryIndex territories, CancellationToken ct)
    {
        var rows = await stats.ReadAsync(StatsMonth.Format(query.From), StatsMonth.Format(query.To), ct);
        var themes = directory.Snapshot?.ThemeLabels;
        return StatsAggregator.Aggregate(rows, query, id => themes?.GetValueOrDefault(id), territories.RegionName);
    }

    /// <summary>Defaults: the last 12 months up to the current one (Europe/Paris), all of France, every theme.</summary>
    private static (StatsQuery? Query, Dictionary<string, string[]>? Errors) Parse(
        string? from, string? to, string? region, string? theme, CurrentDirectory directory, TerritoryIndex territories, TimeProvider time)
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
