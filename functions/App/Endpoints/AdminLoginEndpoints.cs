using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

public static class AdminLoginEndpoints
{
    public static IEndpointRouteBuilder MapAdminLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/login-link", SendLink).RequireRateLimiting(RateLimits.LoginLink).WithName("AdminLoginLink");
        return app;
    }

    /// <summary>
    /// Always 202, whether or not the address is an operator's: the answer must not tell who is one.
    /// The link carries the token in the URL fragment, which browsers never send to servers.
    /// </summary>
    private static Results<Accepted, ValidationProblem> SendLink(
        LoginLinkRequest? request,
        IOptionsMonitor<OperatorsOptions> operators,
        IOptions<SiteOptions> site,
        IOptions<LinksOptions> links,
        LinkTokens tokens,
        SignInEmails emails)
    {
        var address = request?.Email?.Trim();
        if (!EmailAddress.IsValid(address))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Adresse email invalide"] });
        }

        var known = operators.CurrentValue.Emails.FirstOrDefault(e => string.Equals(e.Trim(), address, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            var (token, expiresAt) = tokens.Issue(TokenAudiences.Operator, known.Trim(), links.Value.OperatorLinkLifetime);
            var link = new Uri(new Uri(site.Value.BaseUrl), "/operateur/#jeton=" + Uri.EscapeDataString(token));
            emails.Enqueue(OperatorLoginEmail.Create(known.Trim(), link, token, expiresAt));
        }

        return TypedResults.Accepted((string?)null);
    }

    public sealed record LoginLinkRequest(string? Email);
}
