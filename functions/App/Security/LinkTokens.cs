using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Security;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Security;

/// <summary>Issues and checks signed-link tokens with the configured keys and the injected clock.</summary>
public sealed class LinkTokens(IOptions<LinksOptions> options, TimeProvider time)
{
    private readonly SignedTokens _tokens = new(options.Value.SigningKeys.Select(k => SigningKey.TryParse(k, out _)!));

    public (string Token, DateTimeOffset ExpiresAt) Issue(string audience, string subject, TimeSpan lifetime)
    {
        var expiresAt = time.GetUtcNow() + lifetime;
        return (_tokens.Issue(new TokenClaims(audience, subject, expiresAt)), expiresAt);
    }

    public TokenValidation Validate(string? token, string audience) => _tokens.Validate(token, audience, time.GetUtcNow());

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? BearerToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }
}
