using System.Text.RegularExpressions;
using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConseillersEntreprises.E2E.Tests.Flows;

/// <summary>
/// The need form embedded in a partner's page (<c>?embed=1</c>): the partner's page, on its own declared origin
/// (served by the browser itself), shows the form in an iframe without the site's header and footer, receives the
/// form's height messages from the form's origin and resizes the frame, and a need sent from inside the frame reaches
/// the advisor; the confirmation keeps embed=1.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed partial class EmbeddedFormTests(E2EApp app)
{
    [Fact]
    public async Task A_partner_page_embeds_the_form_gets_its_height_and_a_need_is_sent_from_the_frame()
    {
        var company = app.NewCompany(c => c.Name = "SCIERIE DU LOT");
        var companyEmail = app.CompanyEmail("integre");
        var formUrl = new Uri(app.BaseUrl, SitePages.FormPath(TestDirectory.SoloSubject) + "&embed=1");
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;
        // The partner's page is served by the browser itself, on the partner's declared origin; the form by this machine
        // (Local Network Access checks are off in E2EApp: on Azure both pages are public).
        await page.RouteAsync(TestDirectory.PartnerOrigin + "/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = PartnerPage(formUrl),
        }));

        await page.GotoAsync(TestDirectory.PartnerOrigin + "/nous-contacter.html");
        var frame = page.FrameLocator("#conseillers-entreprises");
        await Expect(frame.Locator("#siret")).ToBeVisibleAsync();
        await Expect(frame.Locator("header[role='banner']")).ToBeHiddenAsync();
        await Expect(frame.Locator("footer[role='contentinfo']")).ToBeHiddenAsync();
        await Expect(frame.GetByTestId("skip-link")).ToHaveAttributeAsync("href", "#contenu");
        await page.WaitForFunctionAsync("() => window.heights.length > 0");
        Assert.Equal([app.BaseUrl.GetLeftPart(UriPartial.Authority)], await page.EvaluateAsync<string[]>("() => [...new Set(window.senders)]"));
        var firstHeight = await page.EvaluateAsync<int>("() => window.heights.at(-1)");
        Assert.True(firstHeight > 150, $"the form's height ({firstHeight}) is told");
        Assert.Equal(firstHeight, await page.EvaluateAsync<int>("() => document.getElementById('conseillers-entreprises').offsetHeight"));

        // Step 1 → the establishment found: the form grows, the parent is told at once.
        await frame.Locator("#siret").FillAsync(company.Siret);
        await frame.Locator("#form-action").ClickAsync();
        await Expect(frame.GetByTestId("company-found")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("h => window.heights.at(-1) !== h", firstHeight);
        await frame.Locator("#form-action").ClickAsync();
        await frame.Locator("#firstName").FillAsync("Camille");
        await frame.Locator("#lastName").FillAsync("Dupont");
        await frame.Locator("#email").FillAsync(companyEmail);
        await frame.Locator("#phone").FillAsync("06 12 34 56 78");
        await frame.Locator("#form-action").ClickAsync();
        await frame.Locator("#description").FillAsync("Notre principal client paie à 120 jours et nous n'arrivons plus à régler nos fournisseurs de bois.");
        await frame.Locator("#consent").CheckAsync(new LocatorCheckOptions { Force = true }); // DSFR draws its own box over the input
        var messagesBefore = await page.EvaluateAsync<int>("() => window.heights.length");
        await frame.GetByTestId("submit").ClickAsync();

        var confirmation = frame.GetByTestId("need-confirmation");
        await Expect(confirmation).ToHaveAttributeAsync("data-need-id", AnyId());
        var needId = await confirmation.GetAttributeAsync("data-need-id");
        Assert.Contains(page.Frames, f => f.Url.EndsWith("/confirmation.html?embed=1", StringComparison.Ordinal));
        await Expect(frame.Locator("header[role='banner']")).ToBeHiddenAsync();
        await Expect(frame.Locator("main a[href='/']")).ToBeHiddenAsync();
        await page.WaitForFunctionAsync("n => window.heights.length > n", messagesBefore); // the confirmation tells its own height
        await Screenshots.SaveAsync(page, "70-formulaire-integre-confirmation");
        browser.AssertHealthy();

        await app.Mailbox.WaitForAsync(app.Directory.Solo.Email, e => e.Mentions(needId!), "the need sent from the embedded form");

        // The embedded states on their own (axe runs on a top-level page): the form and its confirmation without header nor footer.
        var alone = await browser.Context.NewPageAsync();
        await alone.GotoAsync(formUrl.ToString());
        await Expect(alone.Locator("#siret")).ToBeVisibleAsync();
        await Expect(alone.Locator("header[role='banner']")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(alone, "the embedded form");
        await alone.GotoAsync(new Uri(app.BaseUrl, "/confirmation.html?embed=1").ToString());
        await Expect(alone.Locator("footer[role='contentinfo']")).ToBeHiddenAsync();
        await Accessibility.AssertNoViolationsAsync(alone, "the embedded confirmation");
    }

    /// <summary>The partner's page: the iframe and the listener of the snippet given to partners (site/README.md).</summary>
    private static string PartnerPage(Uri formUrl) => $$"""
        <!DOCTYPE html>
        <html lang="fr">
        <head><meta charset="utf-8"><title>Nous contacter – Partenaire</title></head>
        <body>
          <h1>Nous contacter</h1>
          <iframe id="conseillers-entreprises" title="Formulaire Conseillers-Entreprises" src="{{formUrl}}" style="width:100%;border:0" height="150"></iframe>
          <script>
            window.heights = []; window.senders = [];
            const frame = document.getElementById('conseillers-entreprises');
            window.addEventListener('message', (event) => {
              if (event.origin !== new URL(frame.src).origin || event.data?.type !== 'ce:height') return;
              window.heights.push(event.data.height); window.senders.push(event.origin);
              frame.height = event.data.height;
            });
          </script>
        </body>
        </html>
        """;

    [GeneratedRegex(".+")]
    private static partial Regex AnyId();
}
