using System.Net;
using ConseillersEntreprises.E2E.Tests.Infrastructure;

namespace ConseillersEntreprises.E2E.Tests.Pages;

/// <summary>
/// The Cache-Control the app gives the site's files (the rule azure.yaml also sets on the uploaded blobs): vendored
/// DSFR files are kept a year without asking again; pages and the site's own scripts and stylesheet are revalidated.
/// </summary>
[Collection(E2EGroup.Name)]
public sealed class CachingTests(E2EApp app)
{
    private const string Immutable = "public, max-age=31536000, immutable";

    [Theory]
    [InlineData("/vendor/dsfr/dsfr.min.css")]
    [InlineData("/vendor/dsfr/core.module.min.js")]
    [InlineData("/vendor/dsfr/favicon/favicon.svg")]
    public async Task Vendored_files_are_cached_for_a_year_as_immutable(string path)
    {
        using var response = await app.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Immutable, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_fonts_the_stylesheet_names_are_cached_as_immutable()
    {
        var css = await app.Api.GetStringAsync("/vendor/dsfr/dsfr.min.css");
        var font = System.Text.RegularExpressions.Regex.Match(css, @"url\((?<url>[^)]+\.woff2)\)").Groups["url"].Value.Trim('"', '\'');
        Assert.False(string.IsNullOrEmpty(font), "dsfr.min.css names a woff2 font");

        using var response = await app.Api.GetAsync(new Uri(new Uri(app.BaseUrl, "/vendor/dsfr/dsfr.min.css"), font));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Immutable, response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/statistiques.html")]
    [InlineData("/conseiller/")]
    [InlineData("/js/api.js")]
    [InlineData("/js/config.js")]
    [InlineData("/site.css")]
    public async Task Pages_and_the_site_own_scripts_and_styles_are_revalidated(string path)
    {
        using var response = await app.Api.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache, $"{path}: Cache-Control {response.Headers.CacheControl}");
        Assert.Null(response.Headers.CacheControl?.MaxAge);
        // Revalidation is cheap: the validator comes with the file and a matching one gives a 304 without a body.
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await app.Api.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task The_404_page_is_revalidated()
    {
        using var response = await app.Api.GetAsync("/introuvable");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }
}
