using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The public statistics page: three needs of the theme only this test uses (two manufacturers of 20 to 49 employees,
/// one restaurant of 1 or 2), one taken on and closed with help by its advisor; the page filtered on that theme shows
/// exactly them (key figures as French percentages, the current month's row, the breakdowns), a region without needs
/// gives the empty state, a period ending before it starts gives the API's French error next to the field (focus on
/// it), and the address keeps the filters (a reload shows the same view); axe on each state.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class StatisticsTests(E2EApp app)
{
    private const string Description = "Nous voulons vendre nos produits en Espagne et en Italie : quels contacts, quels salons, quelles aides ?";
    private const string Corsica = "94";

    /// <summary>A share of no need: "—" on screen, "non disponible" for screen readers.</summary>
    private const string NotAvailable = @"—\s*non disponible";

    private static readonly string[] FrenchMonths =
    [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ];

    [Fact]
    public async Task The_statistics_page_shows_the_needs_of_a_theme_filters_by_region_and_puts_the_API_errors_next_to_the_fields()
    {
        // Three needs of the statistics theme; the advisor takes the first on from its email and closes it with help.
        var needIds = new List<string>();
        foreach (var (name, naf, headcount) in new[] { ("FONDERIE DES BASTIDES", "24.51Z", "12"), ("MEUBLES DU PRUNEAU", "31.09B", "12"), ("BISTROT DU LOT", "56.10A", "01") })
        {
            var company = app.NewCompany(c =>
            {
                c.Name = name;
                c.NafCode = naf;
                c.HeadcountBracket = headcount;
            });
            needIds.Add(await app.SubmitNeedAsync(TestDirectory.StatsSubject, company.Siret, app.CompanyEmail("stats"), Description));
        }

        var advisor = app.Directory.Exporter;
        var newNeed = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needIds[0]), "new need");
        await using var advisorBrowser = await app.OpenBrowserAsync();
        var sheet = advisorBrowser.Page;
        await advisorBrowser.GotoAsync(newNeed.LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await SitePages.ExpectSheetAsync(sheet, "quo");
        await sheet.GetByTestId("take-on").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "taking_care");
        await sheet.GetByTestId("position-done").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "done");
        advisorBrowser.AssertHealthy();

        // The stats projection follows the needs one queue hop later, and the API keeps each query's answer for five
        // minutes: wait through the API with queries the page will not ask, then open the page with a fresh one.
        var month = CurrentMonth();
        var from = AddMonths(month, -11);
        await WaitForFiguresAsync(month);

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync($"/statistiques.html?from={from}&to={month}&theme={TestDirectory.StatsTheme}");
        await Expect(page).ToHaveTitleAsync("Statistiques – Conseillers-Entreprises");
        await Expect(page.GetByTestId("stats-results")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.Locator("#from")).ToHaveValueAsync(from);
        await Expect(page.Locator("#to")).ToHaveValueAsync(month);
        await Expect(page.Locator("#region")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#theme")).ToHaveValueAsync(TestDirectory.StatsTheme);
        await Expect(page.GetByTestId("stats-scope")).ToContainTextAsync(new Regex($@"Période\s:\sde {MonthLabel(from)} à {MonthLabel(month)}"));
        await Expect(page.GetByTestId("stats-scope")).ToContainTextAsync(new Regex(@"Région\s:\stoute la France"));
        await Expect(page.GetByTestId("stats-scope")).ToContainTextAsync(new Regex($@"Thématique\s:\s{TestDirectory.StatsThemeLabel}"));

        // Key figures: the count, then the shares as French percentages with their counts.
        await ExpectFigureAsync(page, "submitted", "3", "déposés sur la période");
        await ExpectFigureAsync(page, "transmitted", @"100\s%", @"3 sur 3 besoins déposés");
        await ExpectFigureAsync(page, "exchange", @"33,3\s%", @"1 sur 3 besoins déposés");
        await ExpectFigureAsync(page, "helped", @"33,3\s%", @"1 sur 3 besoins déposés");
        await ExpectFigureAsync(page, "takenOnWithin5Days", @"33,3\s%", @"1 sur 3 besoins déposés");
        // Taken on from the email within seconds of the submission: a median of zero days.
        await ExpectFigureAsync(page, "medianDaysToFirstTakeOn", "0 jour", "entre le dépôt et la première prise en charge");
        await Expect(page.GetByTestId("stats-empty")).ToBeHiddenAsync();

        // The monthly series: one row per month of the period, the current one holding the three needs.
        await Expect(page.Locator("[data-testid='monthly-table'] caption")).ToHaveTextAsync($"Besoins déposés et réponse des conseillers, de {MonthLabel(from)} à {MonthLabel(month)}");
        await Expect(page.GetByTestId("month-row")).ToHaveCountAsync(12);
        await ExpectRowAsync(page.Locator($"[data-testid='month-row'][data-month='{month}']"), MonthLabel(month), "3", @"100\s%", @"33,3\s%", @"33,3\s%", @"33,3\s%");
        await ExpectRowAsync(page.Locator($"[data-testid='month-row'][data-month='{from}']"), MonthLabel(from), "0", NotAvailable, NotAvailable, NotAvailable, NotAvailable);

        // The same series as two SVG charts before the table: images named by their title and described in words.
        var needsChart = page.GetByRole(Microsoft.Playwright.AriaRole.Img, new() { Name = $"Besoins déposés chaque mois, de {MonthLabel(from)} à {MonthLabel(month)}" });
        await Expect(needsChart).ToHaveAttributeAsync("data-testid", "monthly-needs-chart");
        await Expect(needsChart.Locator("rect.ce-chart__bar")).ToHaveCountAsync(12);
        await Expect(page.Locator("#monthly-needs-chart-desc")).ToContainTextAsync($"3 besoins déposés de {MonthLabel(from)} à {MonthLabel(month)}");
        Assert.True(double.Parse(await needsChart.Locator($"rect[data-month='{month}']").GetAttributeAsync("height") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", await needsChart.Locator($"rect[data-month='{from}']").GetAttributeAsync("height"));
        var sharesChart = page.GetByTestId("monthly-shares-chart");
        await Expect(sharesChart).ToHaveAttributeAsync("role", "img");
        await Expect(sharesChart.Locator("polyline")).ToHaveCountAsync(4);
        await Expect(page.Locator("#monthly-shares-chart-desc")).ToContainTextAsync(new System.Text.RegularExpressions.Regex($@"Clôturés avec une aide : de 33\s% à 33\s%, 33\s% en {MonthLabel(month)}"));

        // The breakdowns, biggest group first.
        await ExpectGroupsAsync(page, "by-theme", (TestDirectory.StatsTheme, TestDirectory.StatsThemeLabel, "3"));
        await ExpectGroupsAsync(page, "by-size", ("10-49", "10 à 49 salariés", "2"), ("0-9", "0 à 9 salariés", "1"));
        await ExpectGroupsAsync(page, "by-sector", ("C", "Industrie manufacturière", "2"), ("I", "Hébergement et restauration", "1"));
        await ExpectGroupsAsync(page, "by-region", ("75", "Nouvelle-Aquitaine", "3"));

        // The CSV of the same query.
        var csvLink = page.GetByTestId("csv-link");
        await Expect(csvLink).ToHaveTextAsync(new Regex("^Télécharger la série mensuelle \\(CSV\\)"));
        var csvHref = await csvLink.GetAttributeAsync("href") ?? string.Empty;
        Assert.Equal($"/api/stats.csv?from={from}&to={month}&theme={TestDirectory.StatsTheme}", csvHref);
        using (var csv = await app.Api.GetAsync(csvHref))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.StartsWith("text/csv", csv.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var text = await csv.Content.ReadAsStringAsync();
            Assert.Contains(month, text, StringComparison.Ordinal);
            Assert.Contains(";", text, StringComparison.Ordinal);
        }

        await Expect(page.Locator("footer a[href='/statistiques.html']")).ToHaveTextAsync("Statistiques");
        await Screenshots.SaveAsync(page, "40-statistiques");
        await Accessibility.AssertNoViolationsAsync(page, "the statistics page filtered on a theme");

        // A region without any need: the empty state; the address keeps the filters, the change is announced.
        await page.Locator("#region").SelectOptionAsync(Corsica);
        await page.GetByTestId("filters-submit").ClickAsync();
        await Expect(page.GetByTestId("stats-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stats-empty")).ToContainTextAsync("Aucun besoin sur cette période");
        await Expect(page.GetByTestId("stats-scope")).ToContainTextAsync(new Regex(@"Région\s:\sCorse"));
        await ExpectFigureAsync(page, "submitted", "0", "déposé sur la période");
        await ExpectFigureAsync(page, "helped", NotAvailable, "Aucun besoin déposé");
        await Expect(page.GetByTestId("monthly-table")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("monthly-needs-chart")).ToHaveCountAsync(0);
        await Expect(page.Locator("#annonces")).ToHaveTextAsync("Statistiques mises à jour");
        var filtered = $"/statistiques.html?from={from}&to={month}&region={Corsica}&theme={TestDirectory.StatsTheme}";
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, filtered).ToString());
        await Expect(page.GetByTestId("csv-link")).ToHaveAttributeAsync("href", filtered.Replace("/statistiques.html", "/api/stats.csv", StringComparison.Ordinal));
        await Keyboard.AssertFocusedAsync(page, "[data-testid='filters-submit']", "showing the statistics of another region");
        await Screenshots.SaveAsync(page, "41-statistiques-aucun-besoin");
        await Accessibility.AssertNoViolationsAsync(page, "the statistics page without any need");

        // A period that ends before it starts: the API's French message next to "Du mois", focus on it, nothing else moves.
        await page.Locator("#from").SelectOptionAsync(month);
        await page.Locator("#to").SelectOptionAsync(AddMonths(month, -1));
        await page.GetByTestId("filters-submit").ClickAsync();
        await Expect(page.Locator("#from-messages")).ToContainTextAsync("Le mois de début doit précéder le mois de fin");
        await Expect(page.Locator("[data-field-group='from']")).ToHaveClassAsync(new Regex(@"\bfr-select-group--error\b"));
        await Expect(page.Locator("#from")).ToHaveAttributeAsync("aria-invalid", "true");
        await Keyboard.AssertFocusedAsync(page, "#from", "asking for a period that ends before it starts");
        await Expect(page).ToHaveTitleAsync(new Regex("^Erreur – Statistiques"));
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseUrl, filtered).ToString());
        await Expect(page.Locator("#to-messages")).ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "42-statistiques-erreur");
        await Accessibility.AssertNoViolationsAsync(page, "the statistics filters with an error");

        // The address is the view: a reload (or the bookmark) shows the filtered statistics again, without the error.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.GetByTestId("stats-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#region")).ToHaveValueAsync(Corsica);
        await Expect(page.Locator("#theme")).ToHaveValueAsync(TestDirectory.StatsTheme);
        await Expect(page.Locator("#from")).ToHaveValueAsync(from);
        await Expect(page.Locator("#from-messages")).ToBeEmptyAsync();
        await Expect(page).ToHaveTitleAsync("Statistiques – Conseillers-Entreprises");

        browser.AssertHealthy();
    }

    /// <summary>
    /// Waits until the API counts the three needs of the theme (one taken on within 5 days and closed with help). Each
    /// try asks another period (from 12 to 35 months back), never the page's (11 months back): the API caches answers.
    /// </summary>
    private async Task WaitForFiguresAsync(string month)
    {
        var last = "no answer";
        for (var back = 12; back < 36; back++)
        {
            var query = $"/api/stats?from={AddMonths(month, -back)}&to={month}&theme={TestDirectory.StatsTheme}";
            using var response = await app.Api.GetAsync(query);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode)
            {
                var totals = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals");
                if (Count(totals, "submitted") == 3 && Count(totals, "transmitted") == 3 && Count(totals, "exchange") == 1
                    && Count(totals, "helped") == 1 && Count(totals, "takenOnWithin5Days") == 1)
                {
                    return;
                }
            }

            await Task.Delay(500);
        }

        Assert.Fail($"The stats of theme {TestDirectory.StatsTheme} never counted the three needs (3 transmitted, 1 exchange, 1 helped, 1 taken on within 5 days). Last answer: {last}");
    }

    private static int Count(JsonElement totals, string name) =>
        totals.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : -1;

    private static async Task ExpectFigureAsync(IPage page, string key, string valuePattern, string detailPattern)
    {
        await Expect(page.GetByTestId($"figure-{key}-value")).ToHaveTextAsync(new Regex($"^{valuePattern}$"));
        await Expect(page.GetByTestId($"figure-{key}-detail")).ToHaveTextAsync(new Regex($"^{detailPattern}$"));
    }

    /// <summary>A table row: its header cell, then the needs and the four shares (patterns).</summary>
    private static async Task ExpectRowAsync(ILocator row, string header, params string[] cells)
    {
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("th[scope='row']")).ToHaveTextAsync(header);
        var values = row.Locator("td");
        await Expect(values).ToHaveCountAsync(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            await Expect(values.Nth(i)).ToHaveTextAsync(new Regex($"^\\s*{cells[i]}\\s*$"));
        }
    }

    /// <summary>The breakdown table lists exactly these groups, in this order (key, label, needs).</summary>
    private static async Task ExpectGroupsAsync(IPage page, string breakdown, params (string Key, string Label, string Needs)[] groups)
    {
        var table = page.GetByTestId($"{breakdown}-table");
        await Expect(table.Locator("caption")).ToContainTextAsync("Besoins déposés et réponse des conseillers, par ");
        await Expect(table.Locator("thead th[scope='col']")).ToHaveCountAsync(6);
        var rows = table.GetByTestId("breakdown-row");
        await Expect(rows).ToHaveCountAsync(groups.Length);
        for (var i = 0; i < groups.Length; i++)
        {
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-key", groups[i].Key);
            await Expect(rows.Nth(i).Locator("th[scope='row']")).ToHaveTextAsync(groups[i].Label);
            await Expect(rows.Nth(i).Locator("td").First).ToHaveTextAsync(groups[i].Needs);
        }
    }

    /// <summary>"yyyy-MM" of now in Paris, the API's month of a submission.</summary>
    private static string CurrentMonth()
    {
        var paris = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        return paris.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private static string AddMonths(string month, int months) =>
        DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddMonths(months).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"2026-11" → "novembre 2026", as the page writes it.</summary>
    private static string MonthLabel(string month)
    {
        var date = DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"{FrenchMonths[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }
}
