using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// Moderation in the operators' space: the block list (every bad line named, nothing saved; then saved, normalised),
/// a submission whose honeypot was filled waits in "À vérifier" with its reason, and the operator approves it from the
/// need view: the advisor gets the new-need email.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class ModerationTests(E2EApp app)
{
    [Fact]
    public async Task An_operator_edits_the_block_list_finds_a_held_need_in_the_review_basket_and_approves_it()
    {
        var company = app.NewCompany(c => c.Name = "MENUISERIE DU CONTRÔLE");
        var response = await app.Api.PostAsJsonAsync("/api/needs", new
        {
            subjectId = TestDirectory.SoloSubject,
            description = "Nos clients paient à 90 jours et nous n'arrivons plus à régler les cotisations du trimestre.",
            siret = company.Siret,
            firstName = "Jeanne",
            lastName = "Roux",
            email = app.CompanyEmail("moderation"),
            phone = "06 11 22 33 44",
            consent = true,
            website = "http://promo.example", // what a robot fills, and a person never sees
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode); // answered as any need
        var needId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString()!;

        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        var token = Links.FragmentValue(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)), "jeton");
        await browser.GotoAsync($"/operateur/#jeton={Uri.EscapeDataString(token)}");
        await Expect(page.GetByTestId("home-view")).ToBeVisibleAsync();

        // The block list: a bad line is named by its line, nothing is saved; then a valid list is saved, in lower case.
        await page.GetByTestId("blocklist-emails").FillAsync("pas une adresse");
        await page.GetByTestId("blocklist-domains").FillAsync("Pourriel.TEST");
        await page.GetByTestId("blocklist-submit").ClickAsync();
        await Expect(page.GetByTestId("blocklist-problems")).ToContainTextAsync("1 entrée à corriger");
        await Expect(page.Locator("#blocklist-emails-messages")).ToContainTextAsync("Ligne 1 : « pas une adresse » n'est pas une adresse email valide");
        await Expect(page.GetByTestId("blocklist-emails")).ToHaveAttributeAsync("aria-invalid", "true");
        await Keyboard.AssertFocusedAsync(page, "#blocklist-result", "saving a block list with a bad line");
        await Accessibility.AssertNoViolationsAsync(page, "the block list with a bad line");
        await page.GetByTestId("blocklist-emails").FillAsync("Spam@Exemple.fr");
        await page.GetByTestId("blocklist-submit").ClickAsync();
        await Expect(page.GetByTestId("blocklist-saved")).ToContainTextAsync("1 adresse et 1 domaine");
        await Expect(page.GetByTestId("blocklist-emails")).ToHaveValueAsync("spam@exemple.fr");
        await Expect(page.GetByTestId("blocklist-domains")).ToHaveValueAsync("pourriel.test");
        await Accessibility.AssertNoViolationsAsync(page, "the block list saved");

        // The held need waits in "À vérifier", with its reason.
        await page.GetByTestId("tab-review").ClickAsync();
        var row = page.Locator($"[data-testid='panel-review'] [data-testid='basket-row'][data-need-id='{needId}']");
        await Expect(row).ToContainTextAsync("champ caché rempli");
        await Expect(page.GetByTestId("tab-review")).ToContainTextAsync("À vérifier (");
        await Screenshots.SaveAsync(page, "70-operateur-a-verifier");
        await Accessibility.AssertNoViolationsAsync(page, "the review basket");

        await row.Locator("a").ClickAsync();
        await Expect(page.GetByTestId("need-status")).ToHaveAttributeAsync("data-status", "review");
        await Expect(page.GetByTestId("hold-reasons")).ToContainTextAsync("Champ caché rempli (robot probable)");
        await Expect(page.GetByTestId("add-advisor")).ToBeHiddenAsync(); // nobody is told before the check
        await page.GetByTestId("reject-open").ClickAsync();
        await page.GetByTestId("reject-confirm").ClickAsync();
        await Expect(page.Locator("#reject-reason-messages")).ToContainTextAsync("Indiquez la raison du rejet");
        await Keyboard.AssertFocusedAsync(page, "#reject-reason", "rejecting without a reason");
        await Screenshots.SaveAsync(page, "71-operateur-besoin-a-verifier");
        await Accessibility.AssertNoViolationsAsync(page, "a held need, the rejection asked without a reason");
        await page.GetByTestId("reject-dismiss").ClickAsync();

        await page.GetByTestId("approve").ClickAsync();
        await Expect(page.GetByTestId("need-success")).ToContainTextAsync("transmis à 1 conseiller");
        await Expect(page.Locator($"[data-testid='match'][data-advisor-id='{app.Directory.Solo.Id}']")).ToHaveAttributeAsync("data-status", "quo");
        await Expect(page.GetByTestId("moderation")).ToBeHiddenAsync();
        await Expect(page.Locator("#timeline")).ToContainTextAsync($"par {app.OperatorEmail}");
        await Accessibility.AssertNoViolationsAsync(page, "a held need approved");
        browser.AssertHealthy();

        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "the new-need email once approved");
        Assert.Contains(TestDirectory.SoloSubjectLabel, email.Subject, StringComparison.Ordinal);
    }
}
