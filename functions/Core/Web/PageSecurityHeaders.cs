namespace ConseillersEntreprises.Core.Web;

/// <summary>
/// The security headers of every response, the one source for both hosts: the local host's middleware
/// (App/Http/SecurityHeaders) sends them, and infra/modules/frontdoor-routes.bicep writes the same values into the Front
/// Door rule set that serves the site and the API on Azure (Infra.Tests compare the compiled template with this class).
/// No sniffing, no referrer (links carry tokens), a strict CSP. No page may be framed (<c>frame-ancestors 'none'</c>,
/// X-Frame-Options DENY), except the need form and its confirmation asked with <c>?embed=1</c>: those may be framed by
/// the partners' declared origins, and by nobody else.
/// </summary>
public static class PageSecurityHeaders
{
    public const string ContentTypeOptions = "X-Content-Type-Options";

    public const string ReferrerPolicy = "Referrer-Policy";

    public const string FrameOptions = "X-Frame-Options";

    public const string ContentSecurityPolicy = "Content-Security-Policy";

    /// <summary>The CSP without its <c>frame-ancestors</c>, which depends on the page.</summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

    /// <summary>The query parameter that asks an embeddable page in its embedded form, and its only accepted value.</summary>
    public const string EmbedParameter = "embed";

    public const string EmbedValue = "1";

    /// <summary>The pages a partner may embed (the form's steps and where it leads), matched without regard to case.</summary>
    public static readonly IReadOnlySet<string> EmbeddablePages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/demande.html", "/autre-besoin.html", "/confirmation.html",
    };

    /// <summary>Whether a request for <paramref name="path"/> whose <c>embed</c> parameter is <paramref name="embed"/> asks the embedded form.</summary>
    public static bool IsEmbedRequest(string? path, string? embed) =>
        string.Equals(embed, EmbedValue, StringComparison.Ordinal) && EmbeddablePages.Contains(path ?? string.Empty);

    /// <summary>The CSP when the response may be framed by <paramref name="frameAncestors"/> (<c>'none'</c> for nobody).</summary>
    public static string ContentSecurityPolicyWith(string frameAncestors) => $"{Policy}; frame-ancestors {frameAncestors}";

    /// <summary>
    /// The headers of a response that <paramref name="embedOrigins"/> may frame (empty: nobody). X-Frame-Options cannot
    /// name origins: when some may frame, it is left out and frame-ancestors alone decides (every current browser reads it).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(IReadOnlyList<string> embedOrigins)
    {
        ArgumentNullException.ThrowIfNull(embedOrigins);
        List<KeyValuePair<string, string>> headers = [new(ContentTypeOptions, "nosniff"), new(ReferrerPolicy, "no-referrer")];
        if (embedOrigins.Count > 0)
        {
            headers.Add(new(ContentSecurityPolicy, ContentSecurityPolicyWith(string.Join(' ', embedOrigins))));
        }
        else
        {
            headers.Add(new(FrameOptions, "DENY"));
            headers.Add(new(ContentSecurityPolicy, ContentSecurityPolicyWith("'none'")));
        }

        return headers;
    }
}
