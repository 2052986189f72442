using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Web;

namespace ConseillersEntreprises.App;

/// <summary>
/// Sends <see cref="PageSecurityHeaders"/> with every response of a local run (on Azure, Front Door's rule set sends the
/// same ones: infra/modules/frontdoor-routes.bicep). The API's answers also carry host.json's
/// <c>extensions.http.customHeaders</c>, which the Functions host adds on Azure. The embeddable pages asked with
/// <c>?embed=1</c> may be framed by the partners' declared origins (<c>embedOrigins</c> of the directory's institutions).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        foreach (var (name, value) in PageSecurityHeaders.For(EmbedOriginsFor(context)))
        {
            headers[name] = value;
        }

        await next();
    });

    /// <summary>The origins that may frame this response: none unless an embeddable page is asked with <c>embed=1</c>.</summary>
    public static IReadOnlyList<string> EmbedOriginsFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PageSecurityHeaders.IsEmbedRequest(context.Request.Path.Value, context.Request.Query[PageSecurityHeaders.EmbedParameter]))
        {
            return [];
        }

        return context.RequestServices.GetService<CurrentDirectory>()?.Snapshot?.EmbedOrigins ?? [];
    }
}
