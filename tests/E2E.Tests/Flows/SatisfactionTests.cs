using System.Text.RegularExpressions;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The company's satisfaction answer on its follow-up page: the "Votre avis" section stays hidden until an advisor
/// closes the need; then the API's French error comes next to the radio group, the answer is saved (markup in the
/// comment stays text), and a reload shows it filled in, ready to be changed.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class SatisfactionTests(E2EApp app)
{
    private const string Comment = "Rendez-vous utile, mais l'échéancier reste à négocier <img src=x onerror=alert(1)> avec la banque.";

    [Fact]
    public async Task The_company_gives_its_opinion_on_the_follow_up_page_once_the_advisor_has_closed_the_need()
    {
        var company = app.NewCompany(c => c.Name = "SERRURERIE DU PRUNEAU");
        var companyEmail = app.CompanyEmail("avis");
        var advisor = app.Directory.Solo;
        var needId = await app.SubmitNeedAsync(TestDirectory.SoloSubject, company.Siret, companyEmail,
            "Un client important a fait défaut et nous ne pouvons plus payer nos cotisations du trimestre à temps.");
        var confirmation = await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande a bien été transmise", StringComparison.Ordinal), "confirmation");
        var followUpLink = confirmation.LinkTo(app.BaseUrl, "suivi.html");
        var newNeed = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need");

        // Nobody has closed the need: no "Votre avis" section, neither while it waits nor once it is taken on.
        await using var companyBrowser = await app.OpenBrowserAsync();
        var page = companyBrowser.Page;
        await companyBrowser.GotoAsync(followUpLink);
        await Expect(page.GetByTestId("follow-up")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "quo");
        await ExpectNoSatisfactionSectionAsync(page);

        await using var advisorBrowser = await app.OpenBrowserAsync();
        var sheet = advisorBrowser.Page;
        await advisorBrowser.GotoAsync(newNeed.LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await SitePages.ExpectSheetAsync(sheet, "quo");
        await sheet.GetByTestId("take-on").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "taking_care");

        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "taking_care");
        await ExpectNoSatisfactionSectionAsync(page);

        // The advisor closes it with help: the section appears, empty.
        await sheet.GetByTestId("position-done").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "done");
        advisorBrowser.AssertHealthy();

        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "done");
        var section = page.GetByTestId("satisfaction");
        await Expect(section).ToBeVisibleAsync();
        await Expect(section.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Votre avis sur l'accompagnement");
        await Expect(section.GetByRole(Microsoft.Playwright.AriaRole.Group, new() { Name = "L'accompagnement vous a-t-il aidé ?" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("satisfaction-saved")).ToBeHiddenAsync();
        await Expect(page.Locator("input[name='helped']:checked")).ToHaveCountAsync(0);
        await Expect(page.Locator("#comment")).ToHaveValueAsync(string.Empty);
        await Screenshots.SaveAsync(page, "15-suivi-votre-avis");
        await Accessibility.AssertNoViolationsAsync(page, "the follow-up page with the satisfaction form");

        // Sent without a choice: the API's French message next to the radio group, focus on it, the comment kept.
        await page.Locator("#comment").FillAsync(Comment);
        await page.GetByTestId("satisfaction-submit").ClickAsync();
        await Expect(page.Locator("#helped-messages")).ToContainTextAsync("Indiquez si l'accompagnement vous a aidé");
        await Expect(page.Locator("#helped")).ToHaveClassAsync(new Regex(@"\bfr-fieldset--error\b"));
        await Keyboard.AssertFocusedAsync(page, "#helped input[name='helped']", "sending the opinion without a choice");
        await Expect(page.Locator("#comment")).ToHaveValueAsync(Comment);
        await Expect(page).ToHaveTitleAsync(new Regex("^Erreur"));
        await Expect(page.GetByTestId("satisfaction-success")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "16-suivi-votre-avis-erreur");
        await Accessibility.AssertNoViolationsAsync(page, "the satisfaction form with its error");

        // "En partie" with the arrow key from the focused radio group, then "Envoyer mon avis" with the keyboard.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator("#helped-partly")).ToBeCheckedAsync();
        await Keyboard.TabToAsync(page, "[data-testid='satisfaction-submit']");
        await page.Keyboard.PressAsync("Enter");
        var success = page.GetByTestId("satisfaction-success");
        await Expect(success).ToContainTextAsync("Merci, votre avis a été enregistré.");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='satisfaction-success']", "sending the opinion");
        await Expect(page.Locator("#helped")).Not.ToHaveClassAsync(new Regex(@"\bfr-fieldset--error\b"));
        await Expect(page.Locator("#helped-messages")).ToBeEmptyAsync();
        await Expect(page.Locator("#helped-partly")).ToBeCheckedAsync();
        await Expect(page.Locator("#comment")).ToHaveValueAsync(Comment);
        await Expect(page).Not.ToHaveTitleAsync(new Regex("^Erreur"));
        await AssertNothingInjectedAsync(page);
        await Screenshots.SaveAsync(page, "17-suivi-votre-avis-enregistre");
        await Accessibility.AssertNoViolationsAsync(page, "the satisfaction form, opinion saved");

        // A reload: the saved answer fills the form, with its date, ready to be changed.
        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(section).ToBeVisibleAsync();
        // Playwright matches the pattern in the browser (JavaScript syntax, no \p{…}); \s includes the no-break space before ";".
        await Expect(page.GetByTestId("satisfaction-saved")).ToHaveTextAsync(new Regex(@"^Votre avis du \d{1,2} \S+ \d{4} a été enregistré\s;\svous pouvez le modifier\.$"));
        await Expect(page.Locator("#helped-partly")).ToBeCheckedAsync();
        await Expect(page.Locator("#helped-yes")).Not.ToBeCheckedAsync();
        await Expect(page.Locator("#comment")).ToHaveValueAsync(Comment);
        await Expect(page.GetByTestId("satisfaction-success")).ToHaveCountAsync(0);
        await AssertNothingInjectedAsync(page);
        await Screenshots.SaveAsync(page, "18-suivi-votre-avis-prerempli");
        await Accessibility.AssertNoViolationsAsync(page, "the satisfaction form filled with the saved opinion");

        await Task.Delay(500); // an onerror handler, had it been injected, fires once the image fails to load
        companyBrowser.AssertHealthy();
    }

    /// <summary>The section is in the page but hidden (and not displayed by any style).</summary>
    private static async Task ExpectNoSatisfactionSectionAsync(Microsoft.Playwright.IPage page)
    {
        var section = page.GetByTestId("satisfaction");
        await Expect(section).ToHaveCountAsync(1);
        await Expect(section).ToHaveAttributeAsync("hidden", string.Empty);
        await Expect(section).ToBeHiddenAsync();
        await Expect(page.GetByTestId("satisfaction-submit")).ToBeHiddenAsync();
    }

    /// <summary>The comment's markup stayed text: no image element, no inline script in the page.</summary>
    private static async Task AssertNothingInjectedAsync(Microsoft.Playwright.IPage page)
    {
        Assert.Equal(0, await page.Locator("main img[src='x'], main script").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
    }
}
