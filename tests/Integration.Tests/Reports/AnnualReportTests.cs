using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Core.Time;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.Storage.Stats;
using Microsoft.Extensions.DependencyInjection;

namespace ConseillersEntreprises.Integration.Tests.Reports;

/// <summary>The annual report through the real app on a known data set of two years, written by the stats projection's own writer.</summary>
public sealed class AnnualReportTests
{
    private static NeedStatsRow Row(string id, string month, string? company, double? days, bool helped = false, string region = "84", string sector = "C") => new()
    {
        NeedId = id, Month = month, CompanyKey = company, RegionCode = region, SizeKey = "0-9", SectorKey = sector, Transmitted = true,
        Helped = helped, Exchange = helped, FirstTakenOnAfter = days is { } d ? TimeSpan.FromDays(d) : null, TakenOnWithin5Days = days <= 5,
    };

    [Fact]
    public async Task The_report_of_a_year_gives_its_figures_as_html_and_csv_and_refuses_bad_years_and_strangers()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var year = ParisTime.Today(DateTimeOffset.UtcNow).Year - 1;
        var stats = harness.Host.Services.GetRequiredService<TableNeedStats>();
        foreach (var row in new[]
        {
            Row("a1", $"{year}-01", "11111111100011", 1, helped: true),
            Row("a2", $"{year}-07", "11111111100011", 6),
            Row("a3", $"{year}-12", null, null, region: "75", sector: "I"),
            Row("b1", $"{year - 1}-05", "22222222200022", 2),
        })
        {
            await stats.UpsertAsync(row, CancellationToken.None);
        }

        var html = await operatorClient.GetAsync($"/api/admin/reports/annual?year={year}");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains($"<title>Rapport annuel {year} – Conseillers-Entreprises</title>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"http://127.0.0.1:5999/rapport-annuel.css\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"companies\" data-value=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"needs\" data-value=\"3\"", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"takenOnShare\" data-value=\"0.667\">66,7&#xA0;%", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"medianDaysToFirstTakeOn\" data-value=\"3.5\">3,5&#xA0;jours", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"helpedShare\" data-value=\"0.333\">33,3&#xA0;%", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"institutions\" data-value=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"antennas\" data-value=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"advisors\" data-value=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-key=\"75\"><th scope=\"row\">Nouvelle-Aquitaine</th><td data-figure=\"companies\" data-value=\"1\">", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-key=\"I\"><th scope=\"row\">Hébergement et restauration</th>", page, StringComparison.Ordinal);

        var csv = await operatorClient.GetAsync($"/api/admin/reports/annual.csv?year={year}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section;cle;libelle;indicateur;valeur", lines[0]);
        Assert.Contains($"rapport;annee;Année du rapport;annee;{year}", lines);
        Assert.Contains("ensemble;france;Ensemble;entreprises;2", lines);
        Assert.Contains("ensemble;france;Ensemble;taux_de_prise_en_charge;0.667", lines);
        Assert.Contains("ensemble;france;Ensemble;delai_median_premiere_prise_en_charge_jours;3.5", lines);
        Assert.Contains("region;75;Nouvelle-Aquitaine;delai_median_premiere_prise_en_charge_jours;", lines);
        Assert.Contains("annuaire;conseillers;Conseillers actifs (à la date du rapport);nombre;2", lines);

        var previous = await (await operatorClient.GetAsync($"/api/admin/reports/annual.csv?year={year - 1}")).Content.ReadAsStringAsync();
        Assert.Contains("ensemble;france;Ensemble;besoins;1", previous, StringComparison.Ordinal);
        var empty = await operatorClient.GetAsync($"/api/admin/reports/annual?year={year - 5}");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("data-figure=\"needs\" data-value=\"0\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var query in new[] { "", "?year=", "?year=deux-mille", "?year=1999", $"?year={year + 2}" })
        {
            var refused = await operatorClient.GetAsync("/api/admin/reports/annual" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("nnée", problem.GetProperty("errors").GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync($"/api/admin/reports/annual?year={year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync($"/api/admin/reports/annual.csv?year={year}")).StatusCode);
    }
}
