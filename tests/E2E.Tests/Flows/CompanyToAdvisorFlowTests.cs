using System.Net;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The service's main path, in the browser: a company says its need in its own words, picks the subject suggested, sends
/// the real form (its words start the description), the routed advisor opens the link of the email, takes the need on,
/// the company is told, the advisor closes it with help; axe on every page on the way.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class CompanyToAdvisorFlowTests(E2EApp app)
{
    /// <summary>How a company head says it: not the subject's label ("difficultés de trésorerie"), everyday words.</summary>
    private const string Words = "mes clients me paient en retard";
    private const string Description = Words + " : un gros client nous paie avec 90 jours de retard et nous devons verser les salaires de 6 personnes à la fin du mois.";

    [Fact]
    public async Task A_company_submits_the_form_the_routed_advisor_takes_it_on_from_the_email_and_closes_it_with_help()
    {
        var company = app.NewCompany(c => c.Name = "MENUISERIE DU LOT");
        var companyEmail = app.CompanyEmail("flux");
        var advisor = app.Directory.Solo;

        // The company: home, its need in its own words, the subject suggested, the three steps, the confirmation.
        await using var companyBrowser = await app.OpenBrowserAsync();
        var page = companyBrowser.Page;
        await companyBrowser.GotoAsync("/");
        await Expect(page.GetByTestId($"subject-{TestDirectory.SoloSubject}")).ToBeVisibleAsync();
        await page.GetByTestId("need-words").PressSequentiallyAsync(Words);
        var suggestion = page.GetByTestId("suggestion").First;
        await Expect(suggestion).ToHaveAttributeAsync("data-subject-id", TestDirectory.SoloSubject);
        await Expect(suggestion).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await Expect(page.GetByTestId("suggestions-status")).ToContainTextAsync("proposé");
        await Expect(page.GetByTestId("suggestions-outside")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "01-accueil");
        await Accessibility.AssertNoViolationsAsync(page, "the home page, subjects suggested");

        await suggestion.ClickAsync();
        await page.WaitForURLAsync($"**{SitePages.FormPath(TestDirectory.SoloSubject)}");
        await Expect(page.GetByTestId("subject-title")).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await Expect(page.Locator("#siret")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "02-demande-etape-1-entreprise");
        await Accessibility.AssertNoViolationsAsync(page, "the form, step 1");

        await page.Locator("#siret").FillAsync(company.Siret);
        await SitePages.FormAction(page).ClickAsync();
        await Expect(page.GetByTestId("company-found")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("company-name")).ToHaveTextAsync("MENUISERIE DU LOT");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='company-found']", "the establishment was found");
        await Screenshots.SaveAsync(page, "03-demande-etablissement-trouve");
        await Accessibility.AssertNoViolationsAsync(page, "the form, establishment found");

        await SitePages.FormAction(page).ClickAsync();
        await Expect(page.Locator("#firstName")).ToBeVisibleAsync();
        await Keyboard.AssertFocusedAsync(page, "#step-title", "going to step 2");
        await Screenshots.SaveAsync(page, "04-demande-etape-2-coordonnees");
        await Accessibility.AssertNoViolationsAsync(page, "the form, step 2");

        await SitePages.ContactStepAsync(page, companyEmail);
        await Keyboard.AssertFocusedAsync(page, "#step-title", "going to step 3");
        await Expect(page.Locator("#description")).ToHaveValueAsync(Words);
        await SitePages.NeedStepAsync(page, Description); // the words, completed
        await Screenshots.SaveAsync(page, "05-demande-etape-3-besoin");
        await Accessibility.AssertNoViolationsAsync(page, "the form, step 3");

        var needId = await SitePages.SubmitAsync(page);
        await Expect(page.GetByTestId("confirmation-subject")).ToContainTextAsync(TestDirectory.SoloSubjectLabel);
        await Screenshots.SaveAsync(page, "06-confirmation");
        await Accessibility.AssertNoViolationsAsync(page, "the confirmation page");
        companyBrowser.AssertHealthy();

        // The emails: the company's confirmation, the routed advisor's new need.
        var confirmation = await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande a bien été transmise", StringComparison.Ordinal), "confirmation");
        var followUpLink = confirmation.LinkTo(app.BaseUrl, "suivi.html");
        var newNeed = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need");
        Assert.StartsWith("Nouveau besoin", newNeed.Subject, StringComparison.Ordinal);
        var sheetLink = newNeed.LinkTo(app.BaseUrl, "conseiller/besoin.html");
        Assert.Equal(needId, Links.FragmentValue(sheetLink, "besoin"));

        // Mail scanners open links: a GET or HEAD of the link changes nothing (the token is in the fragment, never sent).
        using (var head = new HttpRequestMessage(HttpMethod.Head, sheetLink))
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Api.SendAsync(head)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Api.GetAsync(sheetLink)).StatusCode);

        // The advisor opens the link: the need sheet, untouched by the scanner, token out of the address bar.
        await using var advisorBrowser = await app.OpenBrowserAsync();
        var sheet = advisorBrowser.Page;
        var response = await sheet.GotoAsync(sheetLink.ToString(), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await SitePages.ExpectSheetAsync(sheet, "quo");
        await AssertTokenPageHeadersAsync(response!);
        Assert.DoesNotContain("jeton", sheet.Url, StringComparison.Ordinal);
        await Expect(sheet.GetByTestId("need-subject")).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await Expect(sheet.GetByTestId("need-description")).ToHaveTextAsync(Description);
        await Expect(sheet.GetByTestId("company")).ToContainTextAsync("MENUISERIE DU LOT");
        await Expect(sheet.GetByTestId("contact")).ToContainTextAsync(companyEmail);
        await Expect(SitePages.Match(sheet, advisor.Id)).ToContainTextAsync(advisor.Name);
        await Screenshots.SaveAsync(sheet, "07-conseiller-fiche-besoin");
        await Accessibility.AssertNoViolationsAsync(sheet, "the advisor's need sheet");

        // Takes it on: a POST, the page updates without a reload and says so where the focus goes.
        await sheet.EvaluateAsync("() => { window.ceSansRechargement = true; }");
        await sheet.GetByTestId("take-on").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "taking_care");
        Assert.True(await sheet.EvaluateAsync<bool>("() => window.ceSansRechargement === true"), "the page updated without a reload");
        await Keyboard.AssertFocusedAsync(sheet, "[data-testid='my-status-line']", "taking the need on");
        await Expect(sheet.GetByTestId("position-done")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(sheet, "08-conseiller-fiche-prise-en-charge");
        await Accessibility.AssertNoViolationsAsync(sheet, "the need sheet, taken on");

        // The company is told who took it on, and sees it on its follow-up page.
        var takenOn = await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande est prise en charge", StringComparison.Ordinal), "taken on");
        Assert.Contains(advisor.Name, takenOn.Text, StringComparison.Ordinal);
        await companyBrowser.GotoAsync(followUpLink);
        await Expect(page.GetByTestId("follow-up")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "taking_care");
        await Expect(page.GetByTestId("taken-on")).ToContainTextAsync("Urssaf");
        await Expect(page.GetByTestId("taken-on")).ToContainTextAsync("depuis le");
        await Expect(page.GetByTestId("institutions-intro")).ToHaveTextAsync("Votre demande a été transmise au conseiller de :"); // one advisor
        await Expect(page.GetByTestId("what-to-do-title")).ToHaveTextAsync("Et maintenant\u00a0?");
        await Expect(page.GetByTestId("what-to-do")).ToContainTextAsync("Un conseiller a pris votre demande en charge");
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "09-suivi-entreprise");
        await Accessibility.AssertNoViolationsAsync(page, "the company's follow-up page");

        // The advisor closes it with help.
        await sheet.Locator("#closing-comment").FillAsync("Échéancier accordé par l'Urssaf, rendez-vous avec la banque pris.");
        await sheet.GetByTestId("position-done").ClickAsync();
        await Expect(sheet.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "done");
        await Keyboard.AssertFocusedAsync(sheet, "[data-testid='my-status-line']", "closing the need");
        await Screenshots.SaveAsync(sheet, "10-conseiller-fiche-cloturee");
        await Accessibility.AssertNoViolationsAsync(sheet, "the need sheet, closed");

        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "done");
        // Closed: the page says so, not "depuis le…" nor "Personne ne vous a répondu ?".
        await Expect(page.GetByTestId("what-to-do-title")).ToHaveTextAsync("Votre demande est close");
        await Expect(page.GetByTestId("taken-on-advisor")).ToContainTextAsync("accompagnement terminé le");
        await Expect(page.GetByTestId("taken-on")).Not.ToContainTextAsync("depuis le");
        await Accessibility.AssertNoViolationsAsync(page, "the company's follow-up page, closed");

        // "Besoins reçus": the closed need is in the "Clôturés" tab.
        await sheet.GetByTestId("back-to-inbox").ClickAsync();
        await sheet.WaitForURLAsync("**/conseiller/");
        await SitePages.ExpectInboxRowAsync(sheet, "done", needId);
        await Screenshots.SaveAsync(sheet, "11-conseiller-besoins-recus");
        await Accessibility.AssertNoViolationsAsync(sheet, "the advisor's inbox (Besoins reçus)");

        companyBrowser.AssertHealthy();
        advisorBrowser.AssertHealthy();
    }

    /// <summary>Pages that carry tokens: strict CSP without inline script, no referrer, no sniffing.</summary>
    private static async Task AssertTokenPageHeadersAsync(Microsoft.Playwright.IResponse response)
    {
        var headers = await response.AllHeadersAsync();
        Assert.True(headers.TryGetValue("content-security-policy", out var csp), "the page has a Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", headers.GetValueOrDefault("referrer-policy"));
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
    }
}
