using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The whole path with the keyboard alone (Tab, Shift+Tab, Enter, Space, typing): the skip link, the subject, the
/// three steps of the form; then the advisor takes the need on and closes it. No click anywhere.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class KeyboardOnlyTests(E2EApp app)
{
    [Fact]
    public async Task A_company_sends_the_form_and_the_advisor_takes_it_on_and_closes_it_with_the_keyboard_only()
    {
        var company = app.NewCompany(c => c.Name = "GARAGE AU CLAVIER");
        var companyEmail = app.CompanyEmail("clavier");

        await using var companyBrowser = await app.OpenBrowserAsync();
        var page = companyBrowser.Page;
        var keys = page.Keyboard;
        await companyBrowser.GotoAsync("/");
        await Expect(page.GetByTestId($"subject-{TestDirectory.SoloSubject}")).ToBeVisibleAsync();

        // The first Tab reaches the skip link; Enter takes the focus to the content.
        await keys.PressAsync("Tab");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='skip-link']", "the first Tab of the page");
        await keys.PressAsync("Enter");
        await Keyboard.AssertFocusedAsync(page, "#contenu", "following the skip link");
        await Keyboard.TabToAsync(page, $"[data-testid='subject-{TestDirectory.SoloSubject}']");
        await keys.PressAsync("Enter");
        await page.WaitForURLAsync($"**{SitePages.FormPath(TestDirectory.SoloSubject)}");
        await Expect(page.Locator("#siret")).ToBeVisibleAsync();

        // Step 1: SIRET, Enter looks it up, then on to the confirmation button.
        await Keyboard.TabToAsync(page, "#siret");
        await keys.TypeAsync(company.Siret);
        await keys.PressAsync("Enter");
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("GARAGE AU CLAVIER");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='company-found']", "the establishment was found");
        await Keyboard.TabToAsync(page, "#form-action");
        await keys.PressAsync("Enter");

        // Step 2: the contact, field after field; Enter in the last field goes on.
        await Keyboard.AssertFocusedAsync(page, "#step-title", "going to step 2");
        await Keyboard.TabToAsync(page, "#firstName");
        await keys.TypeAsync("Lou");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("Garnier");
        await keys.PressAsync("Tab");
        await keys.TypeAsync(companyEmail);
        await keys.PressAsync("Tab");
        await Keyboard.AssertFocusedAsync(page, "#phone", "tabbing through the contact fields");
        await keys.TypeAsync("0553000000");
        await keys.PressAsync("Enter");

        // Step 3: the description, the consent with Space, then send.
        await Keyboard.AssertFocusedAsync(page, "#step-title", "going to step 3");
        await Keyboard.TabToAsync(page, "#description");
        await keys.TypeAsync("Nous voulons négocier un échéancier pour nos cotisations sociales du trimestre.");
        await Keyboard.TabToAsync(page, "#consent");
        await keys.PressAsync("Space");
        await Expect(page.Locator("#consent")).ToBeCheckedAsync();
        await Keyboard.TabToAsync(page, "[data-testid='submit']");
        await keys.PressAsync("Enter");
        var needId = await SitePages.ConfirmedNeedIdAsync(page);
        companyBrowser.AssertHealthy();

        // The advisor: take on with Enter, close with Space.
        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "new need");
        await using var advisorBrowser = await app.OpenBrowserAsync();
        var sheet = advisorBrowser.Page;
        await advisorBrowser.GotoAsync(email.LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await SitePages.ExpectSheetAsync(sheet, "quo");
        await Keyboard.TabToAsync(sheet, "[data-testid='take-on']");
        await sheet.Keyboard.PressAsync("Enter");
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "taking_care");
        await Keyboard.AssertFocusedAsync(sheet, "[data-testid='my-status-line']", "taking the need on");
        await Keyboard.TabToAsync(sheet, "#closing-comment");
        await sheet.Keyboard.TypeAsync("Échéancier obtenu.");
        await Keyboard.TabToAsync(sheet, "[data-testid='position-done']");
        await sheet.Keyboard.PressAsync("Space");
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "done");
        await Keyboard.AssertFocusedAsync(sheet, "[data-testid='my-status-line']", "closing the need");
        advisorBrowser.AssertHealthy();
    }
}
