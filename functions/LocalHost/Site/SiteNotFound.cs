using Microsoft.Net.Http.Headers;

namespace ConseillersEntreprises.LocalHost.Site;

/// <summary>
/// An address that is neither a file of the site nor an API route gets the site's page <c>404.html</c> with status 404,
/// as the storage account's static website answers on Azure (its 404 document). Unknown <c>/api/…</c> routes keep
/// their JSON problem document (mapped apart, more specific).
/// </summary>
public static class SiteNotFound
{
    public const string Page = "404.html";

    /// <summary>Maps the fallback of every address the site and the API do not serve. Runs after the static files.</summary>
    public static IEndpointRouteBuilder MapSiteNotFound(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        app.MapFallback("{**path}", async context =>
        {
            var page = environment.WebRootFileProvider.GetFileInfo(Page);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.Headers[HeaderNames.CacheControl] = SiteCaching.Revalidate;
            if (!page.Exists)
            {
                // No site folder found (an IDE run outside the repository): the status alone.
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = page.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.SendFileAsync(page, context.RequestAborted);
            }
        });
        return app;
    }
}
