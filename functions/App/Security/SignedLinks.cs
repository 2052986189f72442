using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Security;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Security;

/// <summary>
/// The links put in emails. Tokens travel in the URL fragment (after #), which browsers never send to servers nor
/// leak in Referer headers; the page reads it and calls the API with it as a Bearer token.
/// </summary>
public sealed class SignedLinks(LinkTokens tokens, IOptions<SiteOptions> site, IOptions<LinksOptions> links)
{
    public Uri SiteUrl => new(site.Value.BaseUrl.TrimEnd('/') + "/");

    /// <summary>The need sheet for an advisor: valid for <c>Links:AdvisorLinkLifetime</c> (30 days by default).</summary>
    public Uri AdvisorNeed(string advisorId, string needId)
    {
        var (token, _) = tokens.Issue(TokenAudiences.Advisor, advisorId, links.Value.AdvisorLinkLifetime);
        return new Uri(SiteUrl, $"conseiller/besoin.html#besoin={Uri.EscapeDataString(needId)}&jeton={Uri.EscapeDataString(token)}");
    }

    /// <summary>The advisor's "Besoins reçus" page.</summary>
    public (Uri Link, DateTimeOffset ExpiresAt) AdvisorInbox(string advisorId)
    {
        var (token, expiresAt) = tokens.Issue(TokenAudiences.Advisor, advisorId, links.Value.AdvisorLinkLifetime);
        return (new Uri(SiteUrl, $"conseiller/#jeton={Uri.EscapeDataString(token)}"), expiresAt);
    }

    /// <summary>The company's follow-up page for one need: the token's subject is the need id.</summary>
    public Uri CompanyFollowUp(string needId)
    {
        var (token, _) = tokens.Issue(TokenAudiences.Company, needId, links.Value.CompanyLinkLifetime);
        return new Uri(SiteUrl, $"suivi.html#besoin={Uri.EscapeDataString(needId)}&jeton={Uri.EscapeDataString(token)}");
    }

    /// <summary>
    /// A token for an antenna manager (subject: its email), valid <c>Managers:LinkLifetime</c>: one per email, shared
    /// by the links of <see cref="ManagerPage"/> it carries.
    /// </summary>
    public (string Token, DateTimeOffset ExpiresAt) ManagerToken(string managerEmail, TimeSpan lifetime) =>
        tokens.Issue(TokenAudiences.Manager, managerEmail.Trim().ToLowerInvariant(), lifetime);

    /// <summary>The manager's page of its antennas' needs (<c>responsable/</c>), opened on one need when given.</summary>
    public Uri ManagerPage(string token, string? needId = null) => new(SiteUrl, needId is null
        ? $"responsable/#jeton={Uri.EscapeDataString(token)}"
        : $"responsable/#besoin={Uri.EscapeDataString(needId)}&jeton={Uri.EscapeDataString(token)}");

    public Uri OperatorBaskets => new(SiteUrl, "operateur/");

    /// <summary>
    /// The need in the operators' space (<c>/operateur/#besoin={needId}</c>, the route of its need view). No token in it:
    /// the space asks for a sign-in link when the tab has none, then opens this need.
    /// </summary>
    public Uri OperatorNeed(string needId) => new(SiteUrl, $"operateur/#besoin={Uri.EscapeDataString(needId)}");
}
