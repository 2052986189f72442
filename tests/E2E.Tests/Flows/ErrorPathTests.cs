using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Fakes;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>What a person sees when something is wrong: a bad SIRET, the company lookup down, an expired link, a link to a need that is not theirs.</summary>
[Collection(E2EGroup.Name)]
public sealed class ErrorPathTests(E2EApp app)
{
    [Fact]
    public async Task An_invalid_siret_shows_the_api_french_error_next_to_the_field_and_in_the_summary()
    {
        const string badSiret = "123 456 789 00000"; // 14 digits, wrong check digits
        var expected = await ApiSiretErrorAsync(badSiret);

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(SitePages.FormPath(TestDirectory.SoloSubject));
        await page.Locator("#siret").FillAsync(badSiret);
        await SitePages.FormAction(page).ClickAsync();

        await Expect(page.Locator("#siret-messages")).ToHaveTextAsync(expected);
        await Expect(page.Locator("#siret")).ToHaveAttributeAsync("aria-invalid", "true");
        var summary = page.GetByTestId("error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync(expected);
        await Keyboard.AssertFocusedAsync(page, "[data-testid='error-summary']", "an error on the SIRET");
        await Expect(page.GetByTestId("company-found")).ToBeHiddenAsync();
        Assert.Equal(badSiret, await page.Locator("#siret").InputValueAsync()); // nothing typed is lost
        await Screenshots.SaveAsync(page, "20-demande-erreur-siret");
        await Accessibility.AssertNoViolationsAsync(page, "the form with a SIRET error");

        // The summary's link takes the focus to the field.
        await summary.GetByRole(Microsoft.Playwright.AriaRole.Link).First.ClickAsync();
        await Keyboard.AssertFocusedAsync(page, "#siret", "following the summary's link");
        browser.AssertHealthy();
    }

    [Fact]
    public async Task A_reload_or_an_error_loses_nothing_typed_and_keeps_the_step()
    {
        var company = app.NewCompany(c => c.Name = "IMPRIMERIE DU PONT");
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(SitePages.FormPath(TestDirectory.TeamSubject));
        await SitePages.CompanyStepAsync(page, company.Siret, "IMPRIMERIE DU PONT");
        await page.Locator("#firstName").FillAsync("Inès");
        await page.Locator("#lastName").FillAsync("Lefèvre");
        await page.Locator("#email").FillAsync("pas-une-adresse");
        await SitePages.FormAction(page).ClickAsync();
        await Expect(page.Locator("#email-messages")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#phone-messages")).Not.ToBeEmptyAsync();
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Erreur"));
        await Screenshots.SaveAsync(page, "24-demande-erreurs-coordonnees");
        await Accessibility.AssertNoViolationsAsync(page, "the form, step 2 with errors");

        await page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(page.Locator("#step-state")).ToHaveTextAsync("Étape 2 sur 3");
        await Expect(page.Locator("#firstName")).ToHaveValueAsync("Inès");
        await Expect(page.Locator("#lastName")).ToHaveValueAsync("Lefèvre");
        await Expect(page.Locator("#email")).ToHaveValueAsync("pas-une-adresse");
        await page.GetByTestId("previous").ClickAsync();
        await Expect(page.Locator("#siret")).ToHaveValueAsync(company.Siret);
        await Expect(page.GetByTestId("company-found")).ToBeVisibleAsync();
        browser.AssertHealthy();
    }

    [Fact]
    public async Task When_the_company_lookup_is_down_the_form_asks_for_the_commune_and_the_commune_search_works()
    {
        var company = app.NewCompany();
        var companyEmail = app.CompanyEmail("commune");
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(SitePages.FormPath(TestDirectory.SoloSubject));
        string needId;
        app.Companies.Mode = FakeServerMode.Unavailable;
        try
        {
            await page.Locator("#siret").FillAsync(company.Siret);
            await SitePages.FormAction(page).ClickAsync();
            await Expect(page.GetByTestId("company-missing")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("company-lookup-problem")).Not.ToBeEmptyAsync();
            await Expect(page.GetByTestId("company-found")).ToBeHiddenAsync();
            await Keyboard.AssertFocusedAsync(page, "#company-missing-alert", "the lookup could not answer");

            // Going on without a commune: asked for it, next to the field.
            await SitePages.FormAction(page).ClickAsync();
            await Expect(page.Locator("#communeCode-messages")).ToContainTextAsync("commune");
            await Expect(page.GetByTestId("error-summary")).ToBeVisibleAsync();

            // Search by name, then by postal code.
            await page.Locator("#commune-search").FillAsync("Agen");
            await page.GetByTestId("commune-search-submit").ClickAsync();
            await Expect(page.Locator("#communeCode option[value='47001']")).ToHaveCountAsync(1);
            await page.Locator("#commune-search").FillAsync("47000");
            await page.GetByTestId("commune-search-submit").ClickAsync();
            await Expect(page.GetByTestId("commune-results-status")).ToContainTextAsync("trouvée");
            await Expect(page.Locator("#communeCode option[value='47001']")).ToHaveCountAsync(1);
            await page.Locator("#communeCode").SelectOptionAsync("47001");
            await page.Locator("#companyName").FillAsync("Menuiserie Agenaise");
            await Screenshots.SaveAsync(page, "21-demande-commune-recherche");
            await Accessibility.AssertNoViolationsAsync(page, "the form asking for the commune");

            await SitePages.FormAction(page).ClickAsync();
            await Expect(page.Locator("#firstName")).ToBeVisibleAsync();
            await SitePages.ContactStepAsync(page, companyEmail);
            await SitePages.NeedStepAsync(page, "Nous voulons étaler le paiement de nos cotisations du trimestre, l'activité a baissé de moitié.");
            needId = await SitePages.SubmitAsync(page);
        }
        finally
        {
            app.Companies.Recover();
        }

        // The commune chosen routes the need: the Lot-et-Garonne advisor gets it, with Agen as the company's commune.
        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "new need routed by the commune");
        Assert.Contains("Agen", email.Text, StringComparison.Ordinal);
        browser.AssertHealthy();
    }

    [Fact]
    public async Task An_expired_link_shows_the_fresh_link_page_and_the_fresh_link_sent_by_email_opens_the_inbox()
    {
        var advisor = app.Directory.Solo;
        var needId = await app.SubmitNeedAsync(TestDirectory.SoloSubject, app.NewCompany().Siret, app.CompanyEmail("expire"),
            "Besoin d'un délai de paiement pour la TVA du trimestre, à la suite d'un sinistre dans l'atelier.");
        var expired = app.AdvisorNeedLink(advisor.Id, needId, DateTimeOffset.UtcNow.AddMinutes(-5));

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await page.GotoAsync(expired.ToString());
        await page.WaitForURLAsync("**/conseiller/lien.html?raison=expire");
        await Expect(page.GetByTestId("link-title")).ToContainTextAsync("expiré");
        await Screenshots.SaveAsync(page, "22-conseiller-lien-expire");
        await Accessibility.AssertNoViolationsAsync(page, "the fresh-link page (expired link)");

        var before = (await app.Mailbox.ForAsync(advisor.Email)).Count(IsSignInLink);
        await page.Locator("#email").FillAsync(advisor.Email);
        await page.GetByTestId("fresh-link-submit").ClickAsync();
        await Expect(page.GetByTestId("fresh-link-sent")).ToBeVisibleAsync();
        await Keyboard.AssertFocusedAsync(page, "[data-testid='fresh-link-sent']", "asking for a fresh link");
        await Accessibility.AssertNoViolationsAsync(page, "the fresh-link page, link sent");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<CapturedEmail> signIn;
        do
        {
            signIn = [.. (await app.Mailbox.ForAsync(advisor.Email)).Where(IsSignInLink)];
            await Task.Delay(200);
        }
        while (signIn.Count <= before && DateTime.UtcNow < deadline);
        Assert.True(signIn.Count > before, "the fresh link arrived by email");

        await browser.GotoAsync(signIn[^1].LinkTo(app.BaseUrl, "conseiller/"));
        await SitePages.ExpectInboxRowAsync(page, "inbox", needId);
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        browser.AssertHealthy();

        // A tampered link (one character of the signature changed) leads to the same page, saying the link is not valid.
        var tampered = sheetLinkWithToken(advisor.Id, needId);
        await using var tamperedTab = await app.OpenBrowserAsync();
        await tamperedTab.Page.GotoAsync(tampered.ToString());
        await tamperedTab.Page.WaitForURLAsync("**/conseiller/lien.html?raison=invalide");
        await Expect(tamperedTab.Page.GetByTestId("fresh-link")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(tamperedTab.Page, "the fresh-link page (tampered link)");
        tamperedTab.AssertHealthy();

        Uri sheetLinkWithToken(string advisorId, string need)
        {
            var valid = app.AdvisorNeedLink(advisorId, need, DateTimeOffset.UtcNow.AddDays(1));
            var token = Links.FragmentValue(valid, "jeton");
            var at = token.LastIndexOf('.') + 1; // first character of the signature (the last one may hold only padding bits)
            var changed = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
            return new Uri(valid.GetLeftPart(UriPartial.Path) + $"#besoin={Uri.EscapeDataString(need)}&jeton={Uri.EscapeDataString(changed)}");
        }
    }

    [Fact]
    public async Task Another_advisors_link_never_opens_a_need_that_was_not_sent_to_them()
    {
        var outsider = app.Directory.Team[0];
        var teamNeed = await app.SubmitNeedAsync(TestDirectory.TeamSubject, app.NewCompany().Siret, app.CompanyEmail("autre-a"),
            "Nous voulons recruter une comptable à mi-temps et connaître les aides possibles.");
        var soloNeed = await app.SubmitNeedAsync(TestDirectory.SoloSubject, app.NewCompany(c => c.Name = "SECRETS DE FABRIQUE").Siret, app.CompanyEmail("autre-b"),
            "Notre banque a réduit notre découvert autorisé et nous avons une échéance importante.");
        var outsiderEmail = await app.Mailbox.WaitForAsync(outsider.Email, e => e.Mentions(teamNeed), "the outsider's own need");
        var ownLink = outsiderEmail.LinkTo(app.BaseUrl, "conseiller/besoin.html");
        await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(soloNeed), "the need the outsider must not see");

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(Links.WithNeed(ownLink, soloNeed));
        await Expect(page.GetByTestId("sheet-problem")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-subject")).ToHaveTextAsync("Besoin introuvable");
        await Expect(page.GetByTestId("need-sheet")).ToBeHiddenAsync();
        await Expect(page.Locator("body")).Not.ToContainTextAsync("SECRETS DE FABRIQUE");
        await Screenshots.SaveAsync(page, "23-conseiller-besoin-introuvable");
        await Accessibility.AssertNoViolationsAsync(page, "the need sheet, need not sent to this advisor");

        browser.AssertHealthy();

        // The same token still opens the advisor's own need (a link from an email opens in a new tab).
        await using var ownTab = await app.OpenBrowserAsync();
        await ownTab.GotoAsync(ownLink);
        await SitePages.ExpectSheetAsync(ownTab.Page, "quo");
        ownTab.AssertHealthy();
    }

    private static bool IsSignInLink(CapturedEmail email) => email.Subject.StartsWith("Votre lien d'accès", StringComparison.Ordinal);

    /// <summary>The message the API gives for this SIRET (the page must show the API's own words).</summary>
    private async Task<string> ApiSiretErrorAsync(string siret)
    {
        using var response = await app.Api.GetAsync($"/api/companies/{Uri.EscapeDataString(siret)}");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").GetProperty("siret")[0].GetString()!;
    }
}
