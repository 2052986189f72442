using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Security;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// Sign-in links by email, for operators and advisors. Always 202, whether or not the address is known: the answer never
/// tells who is an operator or an advisor. The link carries the token in the URL fragment, which browsers never send to
/// servers; the email leaves off the request path (<see cref="SignInEmails"/>), so the answer takes the same time.
/// </summary>
public sealed class LoginLinkFunctions(
    IOptionsMonitor<OperatorsOptions> operators,
    IOptions<SiteOptions> site,
    IOptions<LinksOptions> links,
    LinkTokens tokens,
    SignedLinks signedLinks,
    CurrentDirectory directory,
    NeedEmailRenderer renderer,
    SignInEmails emails,
    PublicRateLimiter limits)
{
    [Function("AdminLoginLink")]
    public async Task<IResult> AdminLoginLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/login-link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (address, refusal) = await AddressAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
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

    /// <summary>Active advisors with that address (a person may hold several) each get a fresh link to their "Besoins reçus".</summary>
    [Function("AdvisorLoginLink")]
    public async Task<IResult> AdvisorLoginLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "advisor/login-link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (address, refusal) = await AddressAsync(request, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        foreach (var advisor in directory.Snapshot?.Document.Advisors.Where(a => a.Active && string.Equals(a.Email.Trim(), address, StringComparison.OrdinalIgnoreCase)) ?? [])
        {
            var (link, expiresAt) = signedLinks.AdvisorInbox(advisor.Id);
            emails.Enqueue(renderer.RenderAdvisorLoginLink(advisor.Email.Trim(), advisor.Name, link, expiresAt));
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The address asked for, or the 429, 400 or 415 to answer.</summary>
    private async Task<(string? Email, IResult? Refusal)> AddressAsync(HttpRequest request, CancellationToken ct)
    {
        if (limits.Refusal(RateLimitPolicy.LoginLink, request) is { } limited)
        {
            return (null, limited);
        }

        var (body, unreadable) = await JsonBody.ReadAsync<LoginLinkRequest>(request, ct);
        if (unreadable is not null)
        {
            return (null, unreadable);
        }

        var address = body?.Email?.Trim();
        return EmailAddress.IsValid(address)
            ? (address, null)
            : (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Adresse email invalide"] }));
    }

    public sealed record LoginLinkRequest(string? Email);
}
