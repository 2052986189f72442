using ConseillersEntreprises.Core.Web;

namespace ConseillersEntreprises.Core.Tests.Web;

public sealed class PageSecurityHeadersTests
{
    [Theory]
    [InlineData("/demande.html", "1", true)]
    [InlineData("/Autre-Besoin.html", "1", true)]
    [InlineData("/confirmation.html", "1", true)]
    [InlineData("/demande.html", null, false)]
    [InlineData("/demande.html", "true", false)]
    [InlineData("/demande.html", "1,1", false)]
    [InlineData("/", "1", false)]
    [InlineData("/suivi.html", "1", false)]
    [InlineData("/operateur/", "1", false)]
    [InlineData(null, "1", false)]
    public void Only_the_form_pages_asked_with_embed_1_are_embed_requests(string? path, string? embed, bool expected) =>
        Assert.Equal(expected, PageSecurityHeaders.IsEmbedRequest(path, embed));

    [Fact]
    public void A_page_nobody_may_frame_denies_framing_both_ways()
    {
        var headers = PageSecurityHeaders.For([]).ToDictionary();

        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.Equal("DENY", headers["X-Frame-Options"]);
        Assert.EndsWith("; frame-ancestors 'none'", headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self';", headers["Content-Security-Policy"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_embeddable_page_names_its_origins_and_no_X_Frame_Options()
    {
        var headers = PageSecurityHeaders.For(["https://a.example", "https://b.example:8443"]).ToDictionary();

        Assert.False(headers.ContainsKey("X-Frame-Options"));
        Assert.Equal($"{PageSecurityHeaders.Policy}; frame-ancestors https://a.example https://b.example:8443", headers["Content-Security-Policy"]);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
    }
}
