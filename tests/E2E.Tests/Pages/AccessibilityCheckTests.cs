using ConseillersEntreprises.E2E.Tests.Infrastructure;
using Xunit.Sdk;

namespace ConseillersEntreprises.E2E.Tests.Pages;

/// <summary>
/// The axe check every flow relies on (<see cref="Accessibility"/>) does find violations, in the page and in its frames;
/// and it passes a page that has none. Written without the site, so that it keeps proving the check itself.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class AccessibilityCheckTests(E2EApp app)
{
    private const string CleanHead = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Essai</title></head>";

    [Fact]
    public async Task The_check_reports_violations_of_the_page_and_of_its_frames_and_passes_a_clean_page()
    {
        await using var browser = await app.OpenBrowserAsync();
        var page = browser.Page;

        await page.SetContentAsync(CleanHead + "<body><main><h1>Essai</h1><p>Rien à signaler.</p></main></body></html>");
        await Accessibility.AssertNoViolationsAsync(page, "a clean page");

        await page.SetContentAsync(CleanHead + "<body><main><h1>Essai</h1><img src=\"data:,\"><button></button></main></body></html>");
        var inPage = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoViolationsAsync(page, "a page with faults"));
        Assert.Contains("image-alt", inPage.Message, StringComparison.Ordinal);
        Assert.Contains("button-name", inPage.Message, StringComparison.Ordinal);

        var frame = "<!DOCTYPE html><html lang='fr'><head><title>Cadre</title></head><body><main><input type='text'></main></body></html>";
        await page.SetContentAsync(CleanHead + $"<body><main><h1>Essai</h1><iframe title=\"Cadre\" srcdoc=\"{frame}\"></iframe></main></body></html>");
        await page.FrameLocator("iframe").Locator("input").WaitForAsync();
        var inFrame = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoViolationsAsync(page, "a page whose frame has a fault"));
        Assert.Contains("label", inFrame.Message, StringComparison.Ordinal);
    }
}
