using ConseillersEntreprises.App.Directory;

namespace ConseillersEntreprises.App;

/// <summary>
/// Headers every response of a local run carries: no sniffing, no referrer (links carry tokens), a strict CSP for pages.
/// The API's answers also carry host.json's <c>extensions.http.customHeaders</c>, which the Functions host adds on Azure.
/// No page may be framed (<c>frame-ancestors 'none'</c>, X-Frame-Options DENY), except the need form and its confirmation
/// asked with <c>?embed=1</c>: those may be framed by the partners' declared origins (<c>embedOrigins</c> of the
/// directory's institutions), and by nobody else.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The pages a partner may embed (the form's steps and where it leads).</summary>
    public static readonly IReadOnlySet<string> EmbeddablePages = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/demande.html", "/autre-besoin.html", "/confirmation.html",
    };

    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var origins = EmbedOriginsFor(context);
        if (origins.Count > 0)
        {
            // X-Frame-Options cannot name origins: frame-ancestors alone decides (every current browser reads it).
            headers.ContentSecurityPolicy = $"{Policy}; frame-ancestors {string.Join(' ', origins)}";
        }
        else
        {
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = $"{Policy}; frame-ancestors 'none'";
        }

        await next();
    });

    /// <summary>The origins that may frame this response: none unless an embeddable page is asked with <c>embed=1</c>.</summary>
    public static IReadOnlyList<string> EmbedOriginsFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(context.Request.Query["embed"], "1", StringComparison.Ordinal)
            || !EmbeddablePages.Contains(context.Request.Path.Value ?? string.Empty))
        {
            return [];
        }

        return context.RequestServices.GetService<CurrentDirectory>()?.Snapshot?.EmbedOrigins ?? [];
    }
}
