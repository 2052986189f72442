using System.Globalization;
using System.Text;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Reports;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Reports;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Core.Time;
using ConseillersEntreprises.Storage.Stats;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The annual report for DGE/DGEFP (PRODUCT.md): <c>GET /api/admin/reports/annual?year=YYYY</c> as a printable HTML page
/// and <c>/api/admin/reports/annual.csv?year=YYYY</c>, the same figures. Computed on each call from the stats
/// projection's twelve partitions of the year (Paris months) and the current directory's counts.
/// </summary>
public sealed class AdminReportFunctions(
    OperatorAccess operators,
    TableNeedStats stats,
    CurrentDirectory directory,
    TerritoryIndex territories,
    IOptionsMonitor<SiteOptions> site,
    TimeProvider time)
{
    /// <summary>The report's own stylesheet, in the site (the CSP allows no inline style).</summary>
    public const string StylesheetPath = "/rapport-annuel.css";

    [Function("GetAnnualReport")]
    public async Task<IResult> GetAnnualReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/reports/annual")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await ReportAsync(
            request,
            report => TypedResults.Content(AnnualReportHtml.Render(report, StylesheetUrl()), "text/html; charset=utf-8", Encoding.UTF8),
            cancellationToken);

    [Function("GetAnnualReportCsv")]
    public async Task<IResult> GetAnnualReportCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/reports/annual.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await ReportAsync(
            request,
            report => TypedResults.File(AnnualReportCsv.Export(report), "text/csv; charset=utf-8", $"conseillers-entreprises-rapport-annuel-{report.Year}.csv"),
            cancellationToken);

    private async Task<IResult> ReportAsync(HttpRequest request, Func<AnnualReport, IResult> answer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.HttpContext).Refusal is { } refusal)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        var today = ParisTime.Today(now);
        var (year, problem) = ParseYear(request.Query["year"], today.Year);
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["year"] = [problem] },
                detail: "Choisissez une année, par exemple l'année dernière.",
                title: "Le rapport annuel ne peut pas être établi");
        }

        var rows = await stats.ReadAsync($"{year:D4}-01", $"{year:D4}-12", ct);
        var counts = AnnualDirectoryCounts.Of(directory.Snapshot?.Document, today);
        var regions = territories.RegionCodes
            .Select(code => (Code: code, Name: territories.RegionName(code) ?? code))
            .OrderBy(r => r.Name, StatsAggregator.FrenchOrder)
            .ToList();
        return answer(AnnualReportBuilder.Build(year, rows, counts, regions));
    }

    /// <summary>The year, or the French message for a bad one (missing, not a number, before 2000 or after the current one).</summary>
    private static (int Year, string? Problem) ParseYear(string? text, int currentYear)
    {
        var example = (currentYear - 1).ToString(CultureInfo.InvariantCulture);
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            return (0, "L'année est obligatoire : par exemple year=" + example);
        }

        if (value.Length > 4 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (0, "Année invalide : attendu une année sur quatre chiffres, par exemple " + example);
        }

        return year < AnnualReport.FirstYear || year > currentYear
            ? (year, $"L'année doit être comprise entre {AnnualReport.FirstYear} et {currentYear.ToString(CultureInfo.InvariantCulture)}")
            : (year, null);
    }

    private string StylesheetUrl() => site.CurrentValue.BaseUrl.TrimEnd('/') + StylesheetPath;
}
