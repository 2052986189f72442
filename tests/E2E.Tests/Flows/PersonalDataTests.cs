using System.Text;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The operators' "Données personnelles" tool: a company found by its SIRET, its export downloaded, its erasure refused
/// without the typed confirmation, then done (the anonymised need's views: integration tests).
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class PersonalDataTests(E2EApp app)
{
    [Fact]
    public async Task An_operator_exports_then_erases_a_companys_data_behind_a_typed_confirmation()
    {
        var company = app.NewCompany(c => c.Name = "FROMAGERIE DE L'EFFACEMENT");
        var email = app.CompanyEmail("effacement");
        var needId = await app.SubmitNeedAsync(TestDirectory.SoloSubject, company.Siret, email, "Besoin dont les données seront effacées à la demande.");

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)));
        await Expect(page.GetByTestId("personal-data")).ToBeVisibleAsync();

        // Nothing typed: asked for a SIRET or an email.
        await page.GetByTestId("personal-data-submit").ClickAsync();
        await Expect(page.Locator("#personal-data-q-messages")).ToContainTextAsync("Saisissez un SIRET ou une adresse email");

        // The search rows are written just after the submission: search until the need is found.
        await page.GetByTestId("personal-data-q").FillAsync(company.Siret);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await page.GetByTestId("personal-data-submit").ClickAsync();
            await Expect(page.GetByTestId("personal-data-count")).ToBeVisibleAsync();
        }
        while (!(await page.GetByTestId("personal-data-count").InnerTextAsync()).StartsWith("1 besoin", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        await Expect(page.GetByTestId("personal-data-count")).ToContainTextAsync("1 besoin enregistré");
        await Accessibility.AssertNoViolationsAsync(page, "the personal data of a company found");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("personal-data-download").ClickAsync());
        Assert.Equal($"donnees-{company.Siret}.json", download.SuggestedFilename);
        var export = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        Assert.Contains(needId, export, StringComparison.Ordinal);
        Assert.Contains(email, export, StringComparison.Ordinal);

        // The erasure wants the word typed.
        await page.GetByTestId("personal-data-confirm").FillAsync("oui");
        await page.GetByTestId("personal-data-erase").ClickAsync();
        await Expect(page.Locator("#personal-data-confirm-messages")).ToContainTextAsync("Saisissez EFFACER");
        await page.GetByTestId("personal-data-confirm").FillAsync("EFFACER");
        await page.GetByTestId("personal-data-erase").ClickAsync();
        await Expect(page.GetByTestId("personal-data-erased")).ToContainTextAsync("1 besoin anonymisé", new() { Timeout = 60_000 });
        await Accessibility.AssertNoViolationsAsync(page, "the personal data erased");

        browser.AssertHealthy();
    }
}
