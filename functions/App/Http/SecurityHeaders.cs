namespace ConseillersEntreprises.App;

/// <summary>
/// Headers every response of a local run carries: no sniffing, no referrer (links carry tokens), a strict CSP for pages.
/// The API's answers also carry host.json's <c>extensions.http.customHeaders</c>, which the Functions host adds on Azure.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        await next();
    });
}
