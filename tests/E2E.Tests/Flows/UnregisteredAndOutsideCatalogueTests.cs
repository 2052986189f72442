using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// Two paths that used to be dead ends: a company without SIRET yet ("Je n'ai pas encore de SIRET": commune and
/// company or project name), and a need outside the catalogue (the short form of /autre-besoin.html, whose subject an
/// operator chooses, which sends it to the advisors found).
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class UnregisteredAndOutsideCatalogueTests(E2EApp app)
{
    [Fact]
    public async Task A_company_without_siret_gives_its_commune_and_name_and_the_advisor_is_told_it_is_not_registered()
    {
        var companyEmail = app.CompanyEmail("sans-siret");
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(SitePages.FormPath(TestDirectory.SoloSubject));
        await Expect(page.Locator("#siret")).ToBeVisibleAsync();

        await page.Locator("#no-siret").CheckAsync(new LocatorCheckOptions { Force = true }); // DSFR draws its own box over the input
        await Expect(page.Locator("#siret")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("company-missing")).ToContainTextAsync("pas encore immatriculée");
        await Expect(page.Locator("label[for='companyName']")).ToHaveTextAsync("Nom de votre entreprise ou de votre projet");
        await SitePages.FormAction(page).ClickAsync();
        await Expect(page.Locator("#communeCode-messages")).ToContainTextAsync("Sans SIRET, indiquez la commune");
        await Expect(page.Locator("#companyName-messages")).ToContainTextAsync("Sans SIRET, indiquez le nom");
        await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the form without SIRET, with its errors");

        // A place the service does not cover is named as such instead of "no commune found".
        await page.Locator("#commune-search").FillAsync("97500");
        await page.GetByTestId("commune-search-submit").ClickAsync();
        await Expect(page.GetByTestId("commune-results-status")).ToContainTextAsync("ne couvre pas Saint-Pierre-et-Miquelon");

        await page.Locator("#commune-search").FillAsync("Agen");
        await page.GetByTestId("commune-search-submit").ClickAsync();
        await Expect(page.GetByTestId("commune-results-status")).ToContainTextAsync("trouvée");
        await page.Locator("#communeCode").SelectOptionAsync("47001");
        await page.Locator("#companyName").FillAsync("Boulangerie en projet");
        await AssertButtonsClearOfTheLastFieldAsync(page, "#companyName");
        await Screenshots.SaveAsync(page, "60-demande-sans-siret");
        await Accessibility.AssertNoViolationsAsync(page, "the form without SIRET");
        await SitePages.FormAction(page).ClickAsync();
        await Expect(page.Locator("#firstName")).ToBeVisibleAsync();
        await SitePages.ContactStepAsync(page, companyEmail);
        await SitePages.NeedStepAsync(page, "Je reprends la boulangerie du village en mars et je cherche comment financer le rachat du fonds.");
        var needId = await SitePages.SubmitAsync(page);
        browser.AssertHealthy();

        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "new need without SIRET");
        Assert.Contains("pas encore immatriculée", email.Text, StringComparison.Ordinal);
        await using var advisor = await app.OpenBrowserAsync();
        await advisor.GotoAsync(email.LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await SitePages.ExpectSheetAsync(advisor.Page, "quo");
        await Expect(advisor.Page.GetByTestId("company")).ToContainTextAsync("Boulangerie en projet");
        await Expect(advisor.Page.GetByTestId("company")).ToContainTextAsync("Pas encore immatriculée");
        await Accessibility.AssertNoViolationsAsync(advisor.Page, "the advisor's sheet of a company without SIRET");
        advisor.AssertHealthy();
    }

    [Fact]
    public async Task A_need_outside_the_catalogue_is_sent_from_the_short_form_and_an_operator_routes_it_on_a_subject()
    {
        var company = app.NewCompany(c => c.Name = "ATELIER HORS LISTE");
        var companyEmail = app.CompanyEmail("hors-catalogue");
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync("/");
        await page.GetByTestId("other-need").ClickAsync();
        await page.WaitForURLAsync("**/autre-besoin.html");
        await Expect(page.Locator("#siret")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "61-autre-besoin-formulaire");
        await Accessibility.AssertNoViolationsAsync(page, "the form outside the catalogue");

        await SitePages.CompanyStepAsync(page, company.Siret, "ATELIER HORS LISTE");
        await SitePages.ContactStepAsync(page, companyEmail);
        await SitePages.NeedStepAsync(page, "Nous voulons ouvrir notre atelier au public le dimanche et ne savons pas quelles règles s'appliquent.");
        var needId = await SitePages.SubmitAsync(page);
        await Expect(page.GetByTestId("confirmation-subject")).ToContainTextAsync("hors de la liste");
        await Expect(page.Locator("#next-call")).ToContainTextAsync("choisir le sujet");
        await Accessibility.AssertNoViolationsAsync(page, "the confirmation of a need outside the catalogue");
        browser.AssertHealthy();
        await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande a bien été reçue", StringComparison.Ordinal), "confirmation");

        // The operator opens it (the alert's need), chooses its subject: the need goes to that subject's advisor.
        await using var operatorBrowser = await app.OpenBrowserAsync();
        var ops = operatorBrowser.Page;
        var token = Links.FragmentValue(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)), "jeton");
        await ops.GotoAsync($"/operateur/#besoin={needId}&jeton={Uri.EscapeDataString(token)}");
        await Expect(ops.GetByTestId("need-subject")).ToHaveTextAsync("Besoin hors catalogue");
        await Expect(ops.GetByTestId("subject-choice")).ToBeVisibleAsync();
        await ops.GetByTestId("subject-submit").ClickAsync();
        await Expect(ops.Locator("#subject-id-messages")).ToContainTextAsync("Choisissez un sujet");
        await Screenshots.SaveAsync(ops, "62-operateur-choix-du-sujet");
        await Accessibility.AssertNoViolationsAsync(ops, "the operators' need view, choosing the subject");

        await ops.Locator("#subject-id").SelectOptionAsync(TestDirectory.SoloSubject);
        await ops.GetByTestId("subject-submit").ClickAsync();
        await Expect(ops.GetByTestId("need-success")).ToContainTextAsync("1 conseiller");
        await Expect(ops.GetByTestId("need-subject")).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await Expect(ops.Locator($"[data-testid='match'][data-advisor-id='{app.Directory.Solo.Id}']")).ToHaveAttributeAsync("data-status", "quo");
        await Expect(ops.GetByTestId("subject-choice")).ToBeHiddenAsync();
        await Expect(ops.Locator("#timeline")).ToContainTextAsync(app.OperatorEmail);
        await Accessibility.AssertNoViolationsAsync(ops, "the operators' need view, subject chosen");
        operatorBrowser.AssertHealthy();

        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "new need routed by an operator");
        Assert.Contains(TestDirectory.SoloSubjectLabel, email.Subject, StringComparison.Ordinal);
    }

    /// <summary>The form's buttons keep their distance from the last field, on a desktop and on a phone.</summary>
    private static async Task AssertButtonsClearOfTheLastFieldAsync(IPage page, string lastField)
    {
        foreach (var (width, height) in new[] { (1280, 900), (375, 740) })
        {
            await page.SetViewportSizeAsync(width, height);
            var field = await page.Locator(lastField).BoundingBoxAsync();
            var button = await page.Locator("#form-action").BoundingBoxAsync();
            Assert.NotNull(field);
            Assert.NotNull(button);
            var gap = button.Y - (field.Y + field.Height);
            Assert.True(gap >= 24, $"at {width} px wide, the button is {gap:0} px below the last field (24 at least)");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
