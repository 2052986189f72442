using ConseillersEntreprises.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// Text from companies and advisors is shown as text everywhere: markup in a company name, a description or a
/// comment never becomes elements, never runs (no dialog, no CSP refusal), and is encoded in the emails.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class MarkupAsTextTests(E2EApp app)
{
    private const string CompanyName = "<img src=x onerror=alert('nom')>ATELIER <b>GRAS</b>";
    private const string Description = "<script>alert('description')</script><img src=x onerror=alert('img')> Besoin d'un report de charges, un client a fait faillite.";
    private const string Comment = "<b>Important</b> <img src=x onerror=alert('commentaire')><script>alert('fil')</script> je rappelle demain.";

    [Fact]
    public async Task Markup_in_a_company_name_a_description_and_a_comment_renders_as_text_in_pages_and_emails()
    {
        var company = app.NewCompany(c => c.Name = CompanyName);
        var companyEmail = app.CompanyEmail("balises");

        await using var companyBrowser = await app.OpenBrowserAsync();
        var page = companyBrowser.Page;
        await companyBrowser.GotoAsync(SitePages.FormPath(TestDirectory.SoloSubject));
        await SitePages.CompanyStepAsync(page, company.Siret, CompanyName);
        await SitePages.ContactStepAsync(page, companyEmail);
        await SitePages.NeedStepAsync(page, Description);
        var needId = await SitePages.SubmitAsync(page);
        await AssertNothingInjectedAsync(page);
        companyBrowser.AssertHealthy();

        var email = await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId), "new need");
        AssertEncoded(email, "the advisor's email");
        AssertEncoded(await app.Mailbox.WaitForAsync(companyEmail, e => e.Subject.StartsWith("Votre demande a bien été transmise", StringComparison.Ordinal), "confirmation"), "the company's confirmation");

        await using var advisorBrowser = await app.OpenBrowserAsync();
        var sheet = advisorBrowser.Page;
        await advisorBrowser.GotoAsync(email.LinkTo(app.BaseUrl, "conseiller/besoin.html"));
        await SitePages.ExpectSheetAsync(sheet, "quo");
        await Expect(sheet.GetByTestId("need-description")).ToHaveTextAsync(Description);
        await Expect(sheet.GetByTestId("company")).ToContainTextAsync(CompanyName);

        await sheet.GetByTestId("comment-text").FillAsync(Comment);
        await sheet.GetByTestId("comment-submit").ClickAsync();
        await Expect(sheet.GetByTestId("comment").Last).ToContainTextAsync(Comment);
        await sheet.ReloadAsync(new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        await Expect(sheet.GetByTestId("comment").Last).ToContainTextAsync(Comment);
        await AssertNothingInjectedAsync(sheet);
        await Screenshots.SaveAsync(sheet, "14-conseiller-balises-affichees-en-texte");
        await Task.Delay(500); // an onerror handler, had it been injected, fires once the image fails to load
        advisorBrowser.AssertHealthy();
    }

    /// <summary>No element and no script came out of the text: nothing but the page's own images and module scripts.</summary>
    private static async Task AssertNothingInjectedAsync(Microsoft.Playwright.IPage page)
    {
        Assert.Equal(0, await page.Locator("main img[src='x'], main script, main b").CountAsync());
        Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => 'alert' in window && window.alert.toString().indexOf('native') < 0"), "window.alert untouched");
    }

    private static void AssertEncoded(CapturedEmail email, string what)
    {
        Assert.DoesNotContain("<script>", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.True(email.Html!.Contains("&lt;script&gt;", StringComparison.Ordinal) || email.Html.Contains("&#60;script&#62;", StringComparison.Ordinal) || email.Html.Contains("&lt;img", StringComparison.Ordinal),
            $"{what} shows the markup as encoded text");
    }
}
