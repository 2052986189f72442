using ConseillersEntreprises.Core.Security;

namespace ConseillersEntreprises.App.Security;

/// <summary>Requires a valid company token (from the confirmation email); its subject is the one need it opens.</summary>
public sealed class CompanyAccess(LinkTokens tokens)
{
    /// <summary>The need the token opens when it is <paramref name="needId"/>, or the 401 to answer.</summary>
    public Access Check(HttpContext http, string? needId)
    {
        ArgumentNullException.ThrowIfNull(http);
        var validation = tokens.Validate(LinkTokens.BearerToken(http), TokenAudiences.Company);
        if (!validation.IsValid || !string.Equals(validation.Claims!.Subject, needId, StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Access.Refused(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Lien invalide ou expiré",
                detail: "Ce lien de suivi n'est pas valide ou a expiré. Répondez à l'email de confirmation pour joindre l'équipe."));
        }

        return Access.Granted(needId!);
    }
}
