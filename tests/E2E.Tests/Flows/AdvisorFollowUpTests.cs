using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// What advisors read once one of them acted or an operator cancelled (issue 8): the reason of a refusal on the other
/// advisors' sheets, the acting advisor's "Besoins reçus" right after its answer (no reload, no wait), and a cancelled
/// need told by email with the operator's reason, shown cancelled on the sheet and in the inbox.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed partial class AdvisorFollowUpTests(E2EApp app)
{
    [Fact]
    public async Task A_refusal_reason_is_shown_to_the_other_advisors_and_the_refusing_advisor_s_inbox_counts_it_at_once()
    {
        var company = app.NewCompany(c => c.Name = "GARAGE DU PONT");
        var needId = await app.SubmitNeedAsync(TestDirectory.TeamSubject, company.Siret, app.CompanyEmail("refus"),
            "Nous voulons recruter un mécanicien confirmé et former un apprenti dès la rentrée.");
        var (refuser, colleague) = (app.Directory.Team[0], app.Directory.Team[1]);
        var refuserLink = (await app.Mailbox.WaitForAsync(refuser.Email, e => e.Mentions(needId), "new need")).LinkTo(app.BaseUrl, "conseiller/besoin.html");
        var colleagueLink = (await app.Mailbox.WaitForAsync(colleague.Email, e => e.Mentions(needId), "new need")).LinkTo(app.BaseUrl, "conseiller/besoin.html");

        // The refusing advisor's counts before it acts.
        await using var refuserBrowser = await app.OpenBrowserAsync();
        var page = refuserBrowser.Page;
        await refuserBrowser.GotoAsync(refuserLink);
        await SitePages.ExpectSheetAsync(page, "quo");
        await page.GetByTestId("back-to-inbox").ClickAsync();
        var inboxBefore = await CountAsync(page, "inbox");
        var refusedBefore = await CountAsync(page, "not_for_me");
        await Expect(Row(page, "inbox", needId)).ToBeVisibleAsync();

        // It refuses from the sheet, with a reason from the list and details (markup stays text).
        await Row(page, "inbox", needId).Locator("a").ClickAsync();
        await SitePages.ExpectSheetAsync(page, "quo");
        await page.GetByTestId("not-for-me").ClickAsync();
        await page.GetByLabel("L'entreprise est hors de mon territoire").CheckAsync(new() { Force = true });
        await page.Locator("#not-for-me-details").FillAsync("Garage installé à Agen : voir la <b>CCI</b> de Villeneuve.");
        await page.GetByTestId("position-not_for_me").ClickAsync();
        await Expect(page.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "not_for_me");

        // Right after the answer, "Besoins reçus" counts it where it now is: back with the browser's Back button (the
        // page may come from the back/forward cache as it was), then loaded once (the page never polls).
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/conseiller/$"));
        await Expect(page.GetByTestId("tab-inbox")).ToHaveTextAsync($"Boîte de réception ({inboxBefore - 1})");
        await Expect(page.GetByTestId("tab-not_for_me")).ToHaveTextAsync($"Refusés ({refusedBefore + 1})");
        await Expect(Row(page, "inbox", needId)).ToHaveCountAsync(0);
        await page.GetByTestId("tab-not_for_me").ClickAsync();
        await Expect(Row(page, "not_for_me", needId)).ToBeVisibleAsync();
        await Expect(Row(page, "not_for_me", needId)).ToContainTextAsync("Refusé (pas pour moi)");
        await Accessibility.AssertNoViolationsAsync(page, "the inbox right after a refusal");

        // Another advisor of the need reads why, under the refusing advisor's position.
        await using var colleagueBrowser = await app.OpenBrowserAsync();
        var other = colleagueBrowser.Page;
        await colleagueBrowser.GotoAsync(colleagueLink);
        await SitePages.ExpectSheetAsync(other, "quo");
        var refusal = SitePages.Match(other, refuser.Id);
        await Expect(refusal).ToHaveAttributeAsync("data-status", "not_for_me");
        await Expect(refusal.GetByTestId("match-comment")).ToHaveTextAsync(
            "Raison du refus : L'entreprise est hors de mon territoire : Garage installé à Agen : voir la <b>CCI</b> de Villeneuve.");
        Assert.Equal(0, await refusal.Locator("b").CountAsync()); // shown as text, never as markup
        await Expect(SitePages.Match(other, colleague.Id).GetByTestId("match-comment")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(other, "14-conseiller-raison-du-refus");
        await Accessibility.AssertNoViolationsAsync(other, "the need sheet showing another advisor's refusal reason");

        refuserBrowser.AssertHealthy();
        colleagueBrowser.AssertHealthy();
    }

    [Fact]
    public async Task A_cancelled_need_is_told_to_each_advisor_with_the_reason_and_shows_cancelled_on_the_sheet_and_in_the_inbox()
    {
        var company = app.NewCompany(c => c.Name = "ATELIER CUIR ET LIN");
        var needId = await app.SubmitNeedAsync(TestDirectory.TeamSubject, company.Siret, app.CompanyEmail("annulation"),
            "Nous cherchons une couturière pour l'atelier, à temps partiel, dès que possible.");
        foreach (var advisor in app.Directory.Team)
        {
            await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need");
        }

        const string reason = "Doublon : l'entreprise a déposé la même demande <b>hier</b>.";
        using var operatorApi = new HttpClient { BaseAddress = app.BaseUrl };
        operatorApi.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Links.FragmentValue(app.OperatorLink(DateTimeOffset.UtcNow.AddHours(1)), "jeton"));
        var cancelled = await operatorApi.PostAsJsonAsync($"/api/admin/needs/{needId}/cancel", new { reason });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        // Every advisor who received it is told, with the reason (encoded in the HTML part).
        var notices = new List<CapturedEmail>();
        foreach (var advisor in app.Directory.Team)
        {
            var notice = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId) && e.Subject.StartsWith("Besoin annulé", StringComparison.Ordinal), "cancellation");
            Assert.Contains(reason, notice.Text, StringComparison.Ordinal);
            Assert.Contains("la même demande &lt;b&gt;hier&lt;/b&gt;.", notice.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>hier", notice.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(app.OperatorEmail, notice.Text, StringComparison.OrdinalIgnoreCase);
            notices.Add(notice);
        }

        // Its link opens the sheet: cancelled, with the reason, and nothing left to do.
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        await browser.GotoAsync(notices[0].LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await Expect(page.GetByTestId("need-sheet")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sheet-cancelled")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sheet-cancelled")).ToContainTextAsync("Besoin annulé par l'équipe Conseillers-Entreprises");
        await Expect(page.GetByTestId("sheet-cancellation-reason")).ToHaveTextAsync(reason);
        await Expect(page.GetByTestId("actions").Locator("button")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("actions")).ToContainTextAsync("ce besoin a été annulé");
        await Screenshots.SaveAsync(page, "15-conseiller-besoin-annule");
        await Accessibility.AssertNoViolationsAsync(page, "the sheet of a cancelled need");

        // In "Besoins reçus": out of the inbox, listed as cancelled with the expired ones.
        await page.GetByTestId("back-to-inbox").ClickAsync();
        await Expect(page.GetByTestId("tab-inbox")).ToHaveTextAsync(CountedLabel());
        await Expect(Row(page, "inbox", needId)).ToHaveCountAsync(0);
        await page.GetByTestId("tab-expired").ClickAsync();
        await Expect(Row(page, "expired", needId)).ToBeVisibleAsync();
        await Expect(Row(page, "expired", needId)).ToContainTextAsync("Annulé par l'équipe");
        await Accessibility.AssertNoViolationsAsync(page, "the inbox with a cancelled need");
        browser.AssertHealthy();
    }

    private static ILocator Row(IPage page, string tab, string needId) =>
        page.Locator($"[data-testid='panel-{tab}'] [data-testid='inbox-row'][data-need-id='{needId}']");

    /// <summary>The count a tab's label ends with, once loaded.</summary>
    private static async Task<int> CountAsync(IPage page, string tab)
    {
        var label = page.GetByTestId($"tab-{tab}");
        await Expect(label).ToHaveTextAsync(CountedLabel());
        return int.Parse(CountedLabel().Match(await label.TextContentAsync() ?? string.Empty).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\((?<count>\d+)\)$")]
    private static partial Regex CountedLabel();
}
