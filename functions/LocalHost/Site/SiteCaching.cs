using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace ConseillersEntreprises.LocalHost.Site;

/// <summary>
/// How long browsers keep the site's files, the same rule as the blobs azure.yaml uploads: vendored files (site/vendor,
/// copied from a pinned DSFR release) and fingerprinted files (a content hash in the name) never change under their
/// address, so they are kept a year without asking again; pages and the site's own scripts and stylesheets change
/// under the same address at each release, so browsers revalidate them (ETag / Last-Modified: a 304 costs no body).
/// </summary>
public static partial class SiteCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";

    public const string Revalidate = "no-cache";

    /// <summary>The Cache-Control of the site file at <paramref name="path"/> (the request path, e.g. <c>/vendor/dsfr/dsfr.min.css</c>).</summary>
    public static string For(string path) =>
        path.StartsWith("/vendor/", StringComparison.Ordinal) || Fingerprinted().IsMatch(path) ? Immutable : Revalidate;

    public static StaticFileOptions StaticFileOptions() => new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = For(context.Context.Request.Path.Value ?? "/"),
    };

    /// <summary><c>name.0123abcd.ext</c>: at least 8 hexadecimal characters between the name and the extension.</summary>
    [GeneratedRegex(@"\.[0-9a-f]{8,}\.[a-z0-9]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprinted();
}
