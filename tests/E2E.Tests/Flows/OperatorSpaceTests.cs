using System.Text;
using System.Text.RegularExpressions;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The operators' space /operateur/: sign-in by an emailed link, the "Sans conseiller" basket, the need view and its
/// actions (add an advisor found by a search, behind a confirmation; comment; cancel with a reason), the need search,
/// the operator alert's link, the expired / tampered link, the advisors' CSV import that lists every problem at once,
/// and the routing explanation (commune required, left-out advisors grouped by reason).
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class OperatorSpaceTests(E2EApp app)
{
    private const string Markup = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task An_operator_signs_in_by_email_finds_an_unrouted_need_adds_an_advisor_comments_and_cancels_it()
    {
        // A company in Bordeaux (Gironde): the test directory only covers Lot-et-Garonne, so nobody is found.
        var company = app.NewCompany(c =>
        {
            c.Name = "CAVE DES CHARTRONS";
            c.CommuneCode = "33063";
            c.CommuneName = "BORDEAUX";
            c.PostalCode = "33000";
            c.Departement = "33";
            c.Epci = "243300316";
            c.Address = "3 QUAI DES CHARTRONS 33000 BORDEAUX";
        });
        var needId = await app.SubmitNeedAsync(TestDirectory.SoloSubject, company.Siret, app.CompanyEmail("operateur"),
            "Un client important ne nous paie plus depuis trois mois : nous cherchons une solution pour les échéances sociales.");
        var advisor = app.Directory.Solo;

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;

        // No token: the sign-in form, and a neutral confirmation once the link is asked for.
        await browser.GotoAsync("/operateur/");
        await Expect(page.GetByTestId("signin-view")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("workspace")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("signin-reason")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "40-operateur-connexion");
        await Accessibility.AssertNoViolationsAsync(page, "the operators' sign-in form");
        await page.GetByTestId("signin-submit").ClickAsync(); // no address yet
        await Expect(page.Locator("#email-messages")).ToContainTextAsync("adresse email valide");
        await Keyboard.AssertFocusedAsync(page, "#email", "asking for a link without an address");
        await Accessibility.AssertNoViolationsAsync(page, "the operators' sign-in form with its error");

        var before = (await app.Mailbox.ForAsync(app.OperatorEmail)).Count(IsSignInLink);
        await page.Locator("#email").FillAsync(app.OperatorEmail);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("signin-sent")).ToContainTextAsync("Si cette adresse est celle d'un membre de l'équipe");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='signin-sent']", "asking for a sign-in link");
        await Accessibility.AssertNoViolationsAsync(page, "the operators' sign-in form, link asked for");

        var link = await WaitForSignInLinkAsync(before);
        await page.GotoAsync(link.ToString()); // same page, new fragment: the page reads the token from it
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();

        // The "Sans conseiller" basket lists the need (the basket is a projection: reload until it shows it).
        var row = page.Locator($"[data-testid='panel-unrouted'] [data-testid='basket-row'][data-need-id='{needId}']");
        await ReloadUntilVisibleAsync(page, row);
        await Expect(row.GetByTestId("basket-row-summary")).ToHaveTextAsync($" – {TestDirectory.SoloSubjectLabel} · CAVE DES CHARTRONS · Bordeaux");
        await Expect(page.GetByTestId("tab-unrouted")).ToHaveTextAsync(new Regex(@"^Sans conseiller \(\d+\)$"));
        await Expect(page.GetByTestId("tab-review")).ToHaveTextAsync("À vérifier (0)");
        await Screenshots.SaveAsync(page, "41-operateur-suivi-qualite");
        await Accessibility.AssertNoViolationsAsync(page, "the quality baskets");

        // Tabs with the keyboard: arrows move between baskets; each basket has its empty state.
        await page.GetByTestId("tab-unrouted").FocusAsync();
        await page.Keyboard.PressAsync("End");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='tab-review']", "End on the basket tabs");
        await Expect(page.GetByTestId("tab-review")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(page.GetByTestId("empty-review")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("panel-unrouted")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the quality baskets, empty basket");
        await page.Keyboard.PressAsync("ArrowRight");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='tab-unrouted']", "ArrowRight from the last basket");

        // The need view: everything the team needs, focus on its title.
        await row.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("need-sheet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-subject")).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await Keyboard.AssertFocusedAsync(page, "#need-title", "opening a need");
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "unrouted");
        await Expect(page.GetByTestId("company")).ToContainTextAsync("CAVE DES CHARTRONS");
        await Expect(page.GetByTestId("company")).ToContainTextAsync(company.Siret);
        await Expect(page.GetByTestId("company")).ToContainTextAsync("33063");
        await Expect(page.GetByTestId("contact")).ToContainTextAsync("Jeanne Roux");
        await Expect(page.GetByTestId("no-match")).ToBeVisibleAsync();

        // "Ajouter un conseiller": nobody is kept for Bordeaux nor covers the Gironde, so nothing is proposed…
        await Expect(page.GetByTestId("advisor-search-status")).ToContainTextAsync("ni ne couvre le département Gironde (33)");
        await Expect(page.GetByTestId("advisor-candidate")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "42-operateur-besoin");
        await Accessibility.AssertNoViolationsAsync(page, "the operators' need view");

        // …a search by territory finds the five advisors of the Lot-et-Garonne, counted in the live region…
        await page.GetByTestId("advisor-search").FillAsync("lot-et-garonne");
        await page.GetByTestId("advisor-search").PressAsync("Enter");
        await Expect(page.GetByTestId("advisor-search-status")).ToHaveTextAsync("5 conseillers trouvés.");
        await Expect(page.GetByTestId("advisor-candidate")).ToHaveCountAsync(5);
        await Expect(page.Locator("#advisor-search-status")).ToHaveAttributeAsync("aria-live", "polite");
        // …the one competent on the subject first, then by name (typing searches as one goes).
        await page.GetByTestId("advisor-search").FillAsync("camille urssaf");
        await Expect(page.GetByTestId("advisor-search-status")).ToHaveTextAsync("1 conseiller trouvé.");
        var candidate = page.Locator($"[data-testid='advisor-candidate'][data-advisor-id='{advisor.Id}']");
        await Expect(candidate).ToContainTextAsync(advisor.Name);
        await Expect(candidate).ToContainTextAsync("Urssaf, Urssaf Lot-et-Garonne");
        await Expect(candidate).ToContainTextAsync("Territoire : Lot-et-Garonne (47)");
        await Expect(candidate).ToHaveAttributeAsync("data-kept", "false");
        await Expect(candidate).ToHaveAttributeAsync("data-covers-departement", "false");
        await Accessibility.AssertNoViolationsAsync(page, "the advisor search with its result");

        // Choosing asks for a confirmation that says who and warns that the advisor works elsewhere; nothing is added yet.
        await candidate.GetByTestId("advisor-choose").ClickAsync();
        var confirm = page.GetByTestId("advisor-confirm");
        await Expect(confirm).ToBeVisibleAsync();
        await Keyboard.AssertFocusedAsync(page, "#advisor-confirm-title", "choosing an advisor");
        await Expect(page.GetByTestId("advisor-confirm-facts")).ToContainTextAsync(advisor.Name);
        await Expect(page.GetByTestId("advisor-confirm-facts")).ToContainTextAsync("Urssaf Lot-et-Garonne");
        await Expect(page.GetByTestId("advisor-confirm-facts")).ToContainTextAsync("Lot-et-Garonne (47)");
        await Expect(page.GetByTestId("advisor-confirm-warning")).ToContainTextAsync("ne couvre pas le département de l'entreprise, Gironde (33)");
        await Screenshots.SaveAsync(page, "42b-operateur-ajout-conseiller");
        await Accessibility.AssertNoViolationsAsync(page, "the confirmation of an advisor to add");
        await page.GetByTestId("add-advisor-back").ClickAsync();
        await Expect(confirm).ToBeHiddenAsync();
        await Keyboard.AssertFocusedAsync(page, $"[data-advisor-id='{advisor.Id}'] [data-testid='advisor-choose']", "choosing another advisor");
        await Expect(page.GetByTestId("match")).ToHaveCountAsync(0);

        // Confirmed with the keyboard alone: Enter on "Choisir", Tab to "Confirmer l'ajout", Enter.
        await page.Keyboard.PressAsync("Enter");
        await Keyboard.AssertFocusedAsync(page, "#advisor-confirm-title", "choosing an advisor with the keyboard");
        await page.Keyboard.PressAsync("Tab");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='add-advisor-confirm']", "Tab from the confirmation's title");
        await page.Keyboard.PressAsync("Enter");
        var match = page.Locator($"[data-testid='match'][data-advisor-id='{advisor.Id}']");
        await Expect(match).ToHaveAttributeAsync("data-status", "quo");
        await Expect(page.GetByTestId("need-success")).ToContainTextAsync(advisor.Name);
        await Keyboard.AssertFocusedAsync(page, "#need-alert", "adding an advisor");
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "quo");
        await page.GetByTestId("advisor-search").FillAsync("camille urssaf");
        await Expect(page.GetByTestId("advisor-search-status")).ToContainTextAsync("Aucun conseiller actif ne correspond"); // on the need: no longer proposed
        var email = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need added by an operator");
        Assert.NotEmpty(email.LinksTo(app.BaseUrl, "conseiller/besoin.html"));

        // A comment with markup shows as text.
        await page.GetByTestId("comment-text").FillAsync(Markup);
        await page.GetByTestId("comment-submit").ClickAsync();
        var comment = page.GetByTestId("comment").Last;
        await Expect(comment.GetByTestId("comment-body")).ToHaveTextAsync(Markup);
        await Expect(comment).ToContainTextAsync("équipe Conseillers-Entreprises");
        await Expect(page.Locator("#comments img")).ToHaveCountAsync(0);
        await Keyboard.AssertFocusedAsync(page, "[data-testid='comment']:last-child", "publishing a comment");
        await Expect(page.GetByTestId("comment-text")).ToHaveValueAsync(string.Empty);

        // Cancel: behind a confirmation step, the reason is mandatory.
        await page.GetByTestId("cancel-open").ClickAsync();
        await Expect(page.GetByTestId("cancel-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cancel-open")).ToHaveAttributeAsync("aria-expanded", "true");
        await Keyboard.AssertFocusedAsync(page, "#cancel-reason", "opening the cancellation");
        await page.GetByTestId("cancel-confirm").ClickAsync();
        await Expect(page.Locator("#cancel-reason-messages")).ToContainTextAsync("Indiquez la raison");
        await Accessibility.AssertNoViolationsAsync(page, "the cancellation without a reason");
        await page.GetByTestId("cancel-reason").FillAsync("Demande en double : la même entreprise a déposé ce besoin deux fois.");
        await page.GetByTestId("cancel-confirm").ClickAsync();
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "cancelled");
        await Expect(page.GetByTestId("cancel-reason-shown")).ToHaveTextAsync("Demande en double : la même entreprise a déposé ce besoin deux fois.");
        await Expect(page.GetByTestId("cancellation")).ToContainTextAsync(app.OperatorEmail);
        await Keyboard.AssertFocusedAsync(page, "#need-alert", "cancelling the need");
        await Expect(page.GetByTestId("comment-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("add-advisor")).ToBeHiddenAsync();
        await Screenshots.SaveAsync(page, "43-operateur-besoin-annule");
        await Accessibility.AssertNoViolationsAsync(page, "the cancelled need");

        // A reload keeps the need (its id stays in the address, never the token); back to the baskets.
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "cancelled");
        await page.GetByTestId("back-to-baskets").ClickAsync();
        await Expect(page.GetByTestId("home-view")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-view")).ToBeHiddenAsync();

        // Finding the need: by a part of the company's name, case ignored; the table links to the need view.
        await Expect(page.Locator("#suivi")).ToBeFocusedAsync(); // back on the home view, its baskets loaded
        await page.GetByTestId("need-search-q").FillAsync("chartrons");
        await page.GetByTestId("need-search-q").PressAsync("Enter");
        var found = page.Locator($"[data-testid='need-search-row'][data-need-id='{needId}']");
        await Expect(found).ToContainTextAsync("CAVE DES CHARTRONS");
        await Expect(found).ToContainTextAsync(company.Siret);
        await Expect(page.GetByTestId("need-search-status")).ToContainTextAsync("trouvé");
        await Keyboard.AssertFocusedAsync(page, "#need-search-q", "searching for a need with Enter"); // the count is announced, focus stays
        await Screenshots.SaveAsync(page, "41b-operateur-recherche");
        await Accessibility.AssertNoViolationsAsync(page, "the need search with its results");
        await found.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("need-subject")).ToHaveTextAsync(TestDirectory.SoloSubjectLabel);
        await page.GetByTestId("back-to-baskets").ClickAsync();

        // By its SIRET with spaces; an unknown name: nothing; nothing typed: the French message next to the field.
        await page.GetByTestId("need-search-q").FillAsync($"{company.Siret[..3]} {company.Siret[3..6]} {company.Siret[6..9]} {company.Siret[9..]}");
        await page.GetByTestId("need-search-q").PressAsync("Enter");
        await Expect(found).ToBeVisibleAsync();
        await page.GetByTestId("need-search-q").FillAsync("inconnu-" + app.Run);
        await page.GetByTestId("need-search-submit").ClickAsync();
        await Expect(page.GetByTestId("need-search-status")).ToHaveTextAsync($"Aucun besoin ne correspond à « inconnu-{app.Run} ».");
        await Expect(page.GetByTestId("need-search-row")).ToHaveCountAsync(0);
        await page.GetByTestId("need-search-q").FillAsync(string.Empty);
        await page.GetByTestId("need-search-submit").ClickAsync();
        await Expect(page.Locator("#need-search-q-messages")).ToContainTextAsync("Saisissez un nom d'entreprise");
        await Accessibility.AssertNoViolationsAsync(page, "the need search without anything typed");

        // The operators' alert email ("Sans conseiller") opens the operators' space on that need.
        var alert = await app.Mailbox.WaitForAsync(app.OperatorEmail, e => e.Mentions(needId) && e.Subject.StartsWith("[Sans conseiller]", StringComparison.Ordinal), "operator alert");
        var alertLink = alert.LinksTo(app.BaseUrl, "operateur/").Single();
        Assert.Equal($"#besoin={needId}", alertLink.Fragment);
        await page.GotoAsync(alertLink.ToString());
        await Expect(page.GetByTestId("need-view")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "cancelled");

        // An unknown need in the address.
        await page.GotoAsync($"/operateur/#besoin=inconnu-{app.Run}");
        await Expect(page.GetByTestId("need-problem")).ToContainTextAsync("inconnu-" + app.Run);
        await Accessibility.AssertNoViolationsAsync(page, "an unknown need");
        browser.AssertHealthy();
    }

    [Fact]
    public async Task An_expired_or_tampered_operator_link_shows_the_sign_in_form_with_the_reason()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;

        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddMinutes(-5)));
        await Expect(page.GetByTestId("signin-reason")).ToContainTextAsync("Votre lien a expiré");
        await Expect(page.GetByTestId("workspace")).ToBeHiddenAsync();
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ce.operateur.jeton')"));
        await Screenshots.SaveAsync(page, "44-operateur-lien-expire");
        await Accessibility.AssertNoViolationsAsync(page, "the operators' sign-in form after an expired link");

        var valid = app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1));
        var token = Links.FragmentValue(valid, "jeton");
        var tampered = token[..^3] + (token.EndsWith("AAA", StringComparison.Ordinal) ? "BBB" : "AAA");
        await page.GotoAsync($"/operateur/#besoin=quelconque&jeton={Uri.EscapeDataString(tampered)}"); // same page, new fragment
        await Expect(page.GetByTestId("signin-reason")).ToContainTextAsync("n'est pas valide");
        await Expect(page.GetByTestId("workspace")).ToBeHiddenAsync();
        Assert.DoesNotContain("jeton", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page, "the operators' sign-in form after a tampered link");
        browser.AssertHealthy();
    }

    [Fact]
    public async Task An_operator_downloads_the_advisors_and_sees_every_problem_of_a_csv_import()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)));
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();

        // The CSV needs the Bearer header: the page fetches it and saves it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        Assert.Equal("conseillers.csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path, Encoding.UTF8);
        Assert.Contains(app.Directory.Solo.Email, csv, StringComparison.Ordinal);
        await Expect(page.GetByTestId("download-done")).ToBeVisibleAsync();
        var json = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-json").ClickAsync());
        Assert.Contains(TestDirectory.TeamSubject, await File.ReadAllTextAsync(await json.PathAsync(), Encoding.UTF8), StringComparison.Ordinal);

        // No file chosen: asked for one, next to the DSFR upload field.
        await Expect(page.Locator(".fr-upload-group input.fr-upload#import-file")).ToHaveCountAsync(1);
        await page.GetByTestId("import-submit").ClickAsync();
        await Expect(page.Locator("#import-file-messages")).ToContainTextAsync("Choisissez le fichier");
        await Expect(page.Locator("[data-field-group='import-file']")).ToHaveClassAsync(new Regex("fr-upload-group--error"));
        await Keyboard.AssertFocusedAsync(page, "#import-file", "importing without a file");
        await Accessibility.AssertNoViolationsAsync(page, "the directory import without a file");

        // Three problems on three lines (an antenna that does not exist, an "actif" that is neither oui nor non, an
        // address that is not one): all listed at once by line and column, in the file's order; nothing is saved.
        Assert.Contains(";urssaf-47;", csv, StringComparison.Ordinal);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string Edit(int line, int column, string value)
        {
            var columns = lines[line - 1].Split(';');
            columns[column] = value;
            return string.Join(';', columns);
        }

        lines[1] = Edit(2, 1, "antenne-inconnue");
        lines[2] = Edit(3, 7, "peut-être");
        lines[3] = Edit(4, 5, "pas-une-adresse");
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "conseillers.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", lines)),
        });
        await page.GetByTestId("import-submit").ClickAsync();
        await Expect(page.GetByTestId("import-problems")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-problem-count")).ToContainTextAsync("3 problèmes à corriger dans le fichier « conseillers.csv »");
        var problems = page.GetByTestId("import-problem");
        await Expect(problems).ToHaveCountAsync(3);
        Assert.Equal(["ligne 2, colonne antenne_id", "ligne 3, colonne actif", "ligne 4, colonne email"],
            await problems.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.path)"));
        await Expect(problems.Nth(0)).ToContainTextAsync("Ligne 2, colonne antenne_id : Antenne « antenne-inconnue » inconnue");
        await Expect(problems.Nth(1)).ToContainTextAsync("« peut-être » n'est ni « oui » ni « non »");
        await Expect(problems.Nth(2)).ToContainTextAsync("pas-une-adresse");
        await Expect(page.GetByTestId("import-problems")).Not.ToContainTextAsync("JSON");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='import-result']", "importing a file with problems");
        await Screenshots.SaveAsync(page, "45-operateur-annuaire-import");
        await Accessibility.AssertNoViolationsAsync(page, "the directory import with its problems");
        var after = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        Assert.Equal(csv, await File.ReadAllTextAsync(await after.PathAsync(), Encoding.UTF8)); // all or nothing

        // The directory did not change: the advisor still gets its subject.
        var check = await app.Api.GetStringAsync("/api/catalog");
        Assert.Contains(TestDirectory.SoloSubject, check, StringComparison.Ordinal);
        browser.AssertHealthy();
    }

    [Fact]
    public async Task The_routing_explanation_needs_a_commune_and_shows_the_kept_then_the_left_out_grouped_by_reason()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)));
        await Expect(page.GetByTestId("workspace")).ToBeVisibleAsync();

        // No commune: the form does not go, and says so next to the commune search (nothing is shown).
        await page.GetByTestId("routing-subject").SelectOptionAsync(TestDirectory.SoloSubject);
        await page.GetByTestId("routing-submit").ClickAsync();
        await Expect(page.Locator("#routing-commune-search-messages")).ToContainTextAsync("Recherchez la commune de l'entreprise");
        await Keyboard.AssertFocusedAsync(page, "#routing-commune-search", "explaining without a commune");
        await Expect(page.GetByTestId("routing-result")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the routing explanation without a commune");

        // A SIRET that is not one: the API's message next to the field, focus on it.
        await page.GetByTestId("routing-commune-search").FillAsync("Penne-d'Agenais");
        await page.GetByTestId("routing-commune-submit").ClickAsync();
        await Expect(page.GetByTestId("routing-commune")).ToHaveValueAsync("47203");
        await page.GetByTestId("routing-siret").FillAsync("123");
        await page.GetByTestId("routing-submit").ClickAsync();
        await Expect(page.Locator("#routing-siret-messages")).Not.ToBeEmptyAsync();
        await Keyboard.AssertFocusedAsync(page, "#routing-siret", "a SIRET the API refuses");
        await Expect(page.Locator("#routing-commune-search-messages")).ToBeEmptyAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the routing explanation with an error");

        // Penne-d'Agenais (Lot-et-Garonne): the only advisor of the subject is kept, nobody is left out.
        await page.GetByTestId("routing-siret").FillAsync(string.Empty);
        await page.GetByTestId("routing-submit").ClickAsync();
        await Expect(page.Locator($"[data-testid='routing-kept-advisor'][data-advisor-id='{app.Directory.Solo.Id}']")).ToContainTextAsync("Urssaf, Urssaf Lot-et-Garonne");
        await Expect(page.GetByTestId("routing-scope")).ToContainTextAsync("Commune : Penne-d'Agenais (47203)");
        await Keyboard.AssertFocusedAsync(page, "[data-testid='routing-result']", "explaining the routing");
        await Screenshots.SaveAsync(page, "46-operateur-routage");
        await Accessibility.AssertNoViolationsAsync(page, "the routing explanation");

        // Bordeaux (Gironde), the three advisors of the team subject: nobody kept; left out for their territory, in one
        // folded group that says how many, in French (no rule code).
        await page.GetByTestId("routing-subject").SelectOptionAsync(TestDirectory.TeamSubject);
        await page.GetByTestId("routing-commune-search").FillAsync("Bordeaux");
        await page.GetByTestId("routing-commune-search").PressAsync("Enter");
        await page.GetByTestId("routing-commune").SelectOptionAsync("33063");
        await page.GetByTestId("routing-submit").ClickAsync();
        await Expect(page.GetByTestId("routing-none")).ToBeVisibleAsync();
        var group = page.Locator("[data-testid='routing-left-out-group'][data-rule='territory']");
        await Expect(group).ToHaveCountAsync(1);
        await Expect(group.Locator("summary")).ToHaveTextAsync("Hors du territoire du conseiller (3)");
        Assert.Equal("DETAILS", await group.EvaluateAsync<string>("g => g.tagName"));
        Assert.False(await group.EvaluateAsync<bool>("g => g.open"));
        var advisorOut = group.Locator($"[data-testid='routing-left-out-advisor'][data-advisor-id='{app.Directory.Team[0].Id}']");
        await Expect(advisorOut).ToBeHiddenAsync();
        await Expect(page.GetByTestId("routing-result")).Not.ToContainTextAsync("territory");
        await Accessibility.AssertNoViolationsAsync(page, "the routing explanation, territory group folded");
        await group.Locator("summary").ClickAsync();
        await Expect(advisorOut).ToContainTextAsync(app.Directory.Team[0].Name);
        await Expect(advisorOut).ToContainTextAsync("CCI Lot-et-Garonne");
        await Screenshots.SaveAsync(page, "47-operateur-routage-ecartes");
        await Accessibility.AssertNoViolationsAsync(page, "the routing explanation, territory group open");
        browser.AssertHealthy();
    }

    private static bool IsSignInLink(CapturedEmail email) => (email.Text ?? string.Empty).Contains("/operateur/#jeton=", StringComparison.Ordinal);

    private async Task<Uri> WaitForSignInLinkAsync(int before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        List<CapturedEmail> signIn;
        do
        {
            signIn = [.. (await app.Mailbox.ForAsync(app.OperatorEmail)).Where(IsSignInLink)];
            if (signIn.Count > before)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.True(signIn.Count > before, "the operator's sign-in link arrived by email");
        return signIn[^1].LinksTo(app.BaseUrl, "operateur/").First(u => u.Fragment.Contains("jeton=", StringComparison.Ordinal));
    }

    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator row)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            await Expect(page.GetByTestId("tab-unrouted")).ToHaveTextAsync(new Regex(@"\(\d+\)$"));
            if (await row.CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }

        await Expect(row).ToBeVisibleAsync();
    }
}
