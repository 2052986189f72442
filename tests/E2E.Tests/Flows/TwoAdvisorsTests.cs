using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// Several advisors on one need (CCI, Urssaf, CMA): one refuses with a reason from the list, one takes it on, the
/// third comments; only the advisor taking care of it is told of the comment, and the company only of the taking on.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class TwoAdvisorsTests(E2EApp app)
{
    [Fact]
    public async Task One_advisor_refuses_another_comments_and_only_the_advisor_taking_care_is_notified()
    {
        var company = app.NewCompany(c => c.Name = "BOULANGERIE DES REMPARTS");
        var companyEmail = app.CompanyEmail("equipe");
        var needId = await app.SubmitNeedAsync(TestDirectory.TeamSubject, company.Siret, companyEmail,
            "Nous cherchons deux boulangers et un apprenti pour l'ouverture d'un second magasin en mars.");
        var (refuser, taker, commenter) = (app.Directory.Team[0], app.Directory.Team[1], app.Directory.Team[2]);
        var links = new Dictionary<string, Uri>();
        foreach (var advisor in app.Directory.Team)
        {
            var email = await app.Mailbox.WaitForAsync(advisor.Email, e => e.Mentions(needId), "new need");
            links[advisor.Id] = email.LinkTo(app.BaseUrl, "conseiller/besoin.html");
        }

        // Bruno (Urssaf) takes it on.
        await using var takerBrowser = await app.OpenBrowserAsync();
        await takerBrowser.GotoAsync(links[taker.Id]);
        await SitePages.ExpectSheetAsync(takerBrowser.Page, "quo");
        await takerBrowser.Page.GetByTestId("take-on").ClickAsync();
        await Expect(takerBrowser.Page.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "taking_care");

        // Alice (CCI) refuses: "Pas pour moi" opens the reasons (focus on them), she picks one and adds a detail.
        await using var refuserBrowser = await app.OpenBrowserAsync();
        var refusing = refuserBrowser.Page;
        await refuserBrowser.GotoAsync(links[refuser.Id]);
        await SitePages.ExpectSheetAsync(refusing, "quo");
        await Expect(SitePages.Match(refusing, taker.Id)).ToHaveAttributeAsync("data-status", "taking_care");
        await refusing.GetByTestId("not-for-me").ClickAsync();
        await Expect(refusing.GetByTestId("not-for-me-panel")).ToBeVisibleAsync();
        await Expect(refusing.GetByTestId("not-for-me")).ToHaveAttributeAsync("aria-expanded", "true");
        await Keyboard.AssertFocusedAsync(refusing, "#not-for-me-reason-legend", "opening the refusal panel");
        await Screenshots.SaveAsync(refusing, "12-conseiller-pas-pour-moi");
        await Accessibility.AssertNoViolationsAsync(refusing, "the need sheet with the refusal reasons open");
        await refusing.GetByTestId("position-not_for_me").ClickAsync(); // no reason chosen yet: asked for one
        await Expect(refusing.Locator("#not-for-me-reason-messages")).ToContainTextAsync("Choisissez une raison");
        await Accessibility.AssertNoViolationsAsync(refusing, "the refusal panel with its error");
        await refusing.GetByLabel("Un autre conseiller sollicité est mieux placé").CheckAsync(new() { Force = true });
        await refusing.Locator("#not-for-me-details").FillAsync("L'Urssaf suit déjà cette entreprise pour ses embauches.");
        await refusing.GetByTestId("position-not_for_me").ClickAsync();
        await Expect(refusing.GetByTestId("my-status")).ToHaveAttributeAsync("data-status", "not_for_me");
        await Expect(refusing.GetByTestId("position-quo")).ToBeVisibleAsync(); // "Annuler mon refus"

        // Chloé (CMA) sees both positions and comments.
        await using var commenterBrowser = await app.OpenBrowserAsync();
        var commenting = commenterBrowser.Page;
        await commenterBrowser.GotoAsync(links[commenter.Id]);
        await SitePages.ExpectSheetAsync(commenting, "quo");
        await Expect(SitePages.Match(commenting, refuser.Id)).ToHaveAttributeAsync("data-status", "not_for_me");
        await Expect(SitePages.Match(commenting, taker.Id)).ToHaveAttributeAsync("data-status", "taking_care");
        const string comment = "Nous pouvons proposer l'apprentissage via notre CFA : je laisse l'Urssaf revenir vers nous si utile.";
        await commenting.GetByTestId("comment-text").FillAsync(comment);
        await commenting.GetByTestId("comment-submit").ClickAsync();
        var posted = commenting.GetByTestId("comment").Last;
        await Expect(posted).ToContainTextAsync(comment);
        await Expect(posted).ToContainTextAsync(commenter.Name);
        await Keyboard.AssertFocusedAsync(commenting, "[data-testid='comment']:last-child", "posting a comment");
        await Expect(commenting.GetByTestId("comment-text")).ToHaveValueAsync(string.Empty);
        await Screenshots.SaveAsync(commenting, "13-conseiller-commentaire");
        await Accessibility.AssertNoViolationsAsync(commenting, "the need sheet with a comment");

        // Who is told: the advisor taking care of it; not the one who refused, not the author.
        var notice = await app.Mailbox.WaitForAsync(taker.Email, e => e.Mentions(needId) && e.Subject.StartsWith("Nouveau commentaire", StringComparison.Ordinal), "comment notice");
        Assert.Contains(commenter.Name, notice.Subject, StringComparison.Ordinal);
        Assert.Contains(comment, notice.Text, StringComparison.Ordinal);
        var takenOn = await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande est prise en charge", StringComparison.Ordinal), "taken on");
        Assert.Contains(taker.Name, takenOn.Text, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the workflow's delays are a second long: anything wrong would be there by now
        Assert.Single(await app.Mailbox.AboutAsync(refuser.Email, needId)); // only the new-need email
        Assert.Single(await app.Mailbox.AboutAsync(commenter.Email, needId));
        Assert.Equal(2, (await app.Mailbox.AboutAsync(taker.Email, needId)).Count); // new need + comment
        var companyEmails = await app.Mailbox.ForAsync(companyEmail);
        Assert.True(companyEmails.Count == 2, "the company gets the confirmation and the taking on, nothing else: " + string.Join(" | ", companyEmails.Select(e => e.Subject)));

        // The advisor taking care reads the comment in the thread (a reload keeps the session of the tab).
        await takerBrowser.Page.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(takerBrowser.Page.GetByTestId("comments")).ToContainTextAsync(comment);

        takerBrowser.AssertHealthy();
        refuserBrowser.AssertHealthy();
        commenterBrowser.AssertHealthy();
    }
}
