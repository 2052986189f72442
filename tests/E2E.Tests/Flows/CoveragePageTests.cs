using System.Text;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// "Couverture par sujet" in the operators' space: the test directory covers Lot-et-Garonne only (three institutions,
/// one advisor each, on the team subject), so every other département's communes are without advisor and none is an
/// overlap.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class CoveragePageTests(E2EApp app)
{
    [Fact]
    public async Task An_operator_sees_a_subjects_coverage_by_departement_opens_one_and_downloads_the_csv()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)));
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();

        // No subject: asked for one, next to the select.
        await page.GetByTestId("coverage-submit").ClickAsync();
        await Expect(page.Locator("#coverage-subject-messages")).ToContainTextAsync("Choisissez un sujet");
        await Keyboard.AssertFocusedAsync(page, "#coverage-subject", "asking for a coverage without a subject");

        await Expect(page.Locator($"#coverage-subject option[value='{TestDirectory.TeamSubject}']")).ToHaveCountAsync(1);
        await page.GetByTestId("coverage-subject").SelectOptionAsync(TestDirectory.TeamSubject);
        await page.GetByTestId("coverage-submit").ClickAsync();

        await Expect(page.GetByTestId("coverage-summary")).ToContainTextAsync("communes sans conseiller compétent");
        await Expect(page.GetByTestId("coverage-summary")).ToContainTextAsync("0 commune où une même institution a plusieurs conseillers compétents");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='coverage-result']", "showing a coverage");
        await Expect(page.Locator("[data-testid='coverage-departement'][data-departement='47']")).ToHaveCountAsync(0); // covered
        await Expect(page.Locator("[data-testid='coverage-departement'][data-departement='33']")).ToContainTextAsync("Gironde (33) : ");
        // Paris, a département of one commune: its table stays small enough for axe on a page this long.
        var paris = page.Locator("[data-testid='coverage-departement'][data-departement='75']");
        await Expect(paris).ToContainTextAsync("Paris (75) : 1 commune sans conseiller sur 1 commune");
        await Expect(paris.GetByTestId("coverage-table")).ToHaveCountAsync(0); // folded: built when opened
        await paris.Locator("summary").ClickAsync();
        await Expect(paris.Locator("[data-testid='coverage-row'][data-commune-code='75056']")).ToContainTextAsync("Paris");
        await Expect(paris.GetByTestId("coverage-table").Locator("caption")).ToHaveTextAsync("Communes sans conseiller compétent – Paris (75)");
        await Accessibility.AssertNoViolationsAsync(page, "a subject's coverage, one département opened");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("coverage-csv").ClickAsync());
        Assert.Equal($"couverture-{TestDirectory.TeamSubject}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Contains("33;Gironde;33063;Bordeaux;sans conseiller;;0;", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";Lot-et-Garonne;", csv, StringComparison.Ordinal);
        await Expect(page.Locator("#coverage-download-status")).ToContainTextAsync("est téléchargé");
    }

    [Fact]
    public async Task An_operator_opens_the_annual_report_of_the_current_year_in_a_new_tab_and_downloads_its_csv()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)));
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Year;
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByTestId("annual-report-year")).ToHaveValueAsync(yearText);

        // The HTML needs the operator's header: it is fetched, then opened from a Blob in a new tab, its stylesheet loaded.
        var report = await browser.Context.RunAndWaitForPageAsync(() => page.GetByTestId("annual-report-open").ClickAsync());
        await report.WaitForLoadStateAsync(LoadState.Load);
        await Expect(report.Locator("h1")).ToHaveTextAsync($"Rapport annuel {yearText}");
        await Expect(report).ToHaveTitleAsync($"Rapport annuel {yearText} – Conseillers-Entreprises");
        Assert.Equal(1, await report.Locator("link[rel='stylesheet'][href$='/rapport-annuel.css']").CountAsync());
        await Expect(report.Locator("[data-figure]").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(report, "the annual report");
        await Expect(page.GetByTestId("annual-report-status")).ToContainTextAsync("ouvert dans un nouvel onglet");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("annual-report-csv").ClickAsync());
        Assert.Equal($"rapport-annuel-{yearText}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.StartsWith("section;cle;libelle;indicateur;valeur", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        await Expect(page.GetByTestId("annual-report-status")).ToContainTextAsync("est téléchargé");
        browser.AssertHealthy();
    }
}
