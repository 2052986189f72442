using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// The site's stable hooks (element ids and data-testid documented in site/README.md), in one place, with the steps
/// the tests share. Everything goes through the page as a person uses it: clicks, typing, the keyboard.
/// </summary>
public static class SitePages
{
    public static string FormPath(string subjectId) => $"/demande.html?sujet={Uri.EscapeDataString(subjectId)}";

    /// <summary>The form's main button: "Continuer" (data-testid next) on steps 1–2, "Envoyer ma demande" (submit) on step 3.</summary>
    public static ILocator FormAction(IPage page) => Page(page).Locator("#form-action");

    /// <summary>Step 1 with a SIRET the lookup finds: the establishment is shown for confirmation, then confirmed.</summary>
    public static async Task CompanyStepAsync(IPage page, string siret, string expectedName)
    {
        await Page(page).Locator("#siret").FillAsync(siret);
        await FormAction(page).ClickAsync();
        var found = page.GetByTestId("company-found");
        await Expect(found).ToBeVisibleAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync(expectedName);
        await FormAction(page).ClickAsync();
        await Expect(page.Locator("#firstName")).ToBeVisibleAsync();
    }

    public static async Task ContactStepAsync(IPage page, string email)
    {
        await Page(page).Locator("#firstName").FillAsync("Camille");
        await page.Locator("#lastName").FillAsync("Dupont");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#phone").FillAsync("06 12 34 56 78");
        await FormAction(page).ClickAsync();
        await Expect(page.Locator("#description")).ToBeVisibleAsync();
    }

    public static async Task NeedStepAsync(IPage page, string description)
    {
        await Page(page).Locator("#description").FillAsync(description);
        await page.Locator("#consent").CheckAsync(new LocatorCheckOptions { Force = true }); // DSFR draws its own box over the input
        await Expect(page.GetByTestId("submit")).ToBeVisibleAsync();
    }

    /// <summary>Sends step 3 and waits for the confirmation page; returns the need id it shows.</summary>
    public static async Task<string> SubmitAsync(IPage page)
    {
        await Page(page).GetByTestId("submit").ClickAsync();
        return await ConfirmedNeedIdAsync(page);
    }

    public static async Task<string> ConfirmedNeedIdAsync(IPage page)
    {
        await Page(page).WaitForURLAsync("**/confirmation.html");
        var confirmation = page.GetByTestId("need-confirmation");
        await Expect(confirmation).ToHaveAttributeAsync("data-need-id", new System.Text.RegularExpressions.Regex(".+"));
        return await confirmation.GetAttributeAsync("data-need-id") ?? throw new Xunit.Sdk.XunitException("The confirmation page shows no need id.");
    }

    /// <summary>The advisor's need sheet is shown (after opening a link), with the advisor's position.</summary>
    public static async Task ExpectSheetAsync(IPage page, string myStatus)
    {
        await Expect(Page(page).GetByTestId("need-sheet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", myStatus);
    }

    /// <summary>The advisor row of the "other advisors" list, by advisor id.</summary>
    public static ILocator Match(IPage page, string advisorId) =>
        Page(page).Locator($"[data-testid='match'][data-advisor-id='{advisorId}']");

    /// <summary>
    /// "Besoins reçus" lists the need in <paramref name="tab"/>, as loaded once: no reload. The workflow writes an
    /// advisor's inbox row before it answers that advisor's action and before it sends any email of the decision, so a
    /// page opened after either shows it (the hand-made engine wrote it one queue hop later, which this used to wait for).
    /// </summary>
    public static async Task ExpectInboxRowAsync(IPage page, string tab, string needId)
    {
        var row = Page(page).Locator($"[data-testid='panel-{tab}'] [data-testid='inbox-row'][data-need-id='{needId}']");
        await page.GetByTestId($"tab-{tab}").ClickAsync();
        await Expect(page.GetByTestId($"tab-{tab}")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\(\d+\)$"));
        await Expect(row).ToBeVisibleAsync();
    }

    private static IPage Page(IPage page) => page ?? throw new ArgumentNullException(nameof(page));
}
