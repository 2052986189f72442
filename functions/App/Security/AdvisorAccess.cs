using ConseillersEntreprises.Core.Security;

namespace ConseillersEntreprises.App.Security;

/// <summary>Requires a valid advisor token (from the signed link in the advisor's email); its subject is the advisor id.</summary>
public sealed class AdvisorAccess(LinkTokens tokens)
{
    /// <summary>The advisor's id, or the 401 to answer.</summary>
    public Access Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var validation = tokens.Validate(LinkTokens.BearerToken(http), TokenAudiences.Advisor);
        if (!validation.IsValid)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Access.Refused(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Lien invalide ou expiré",
                detail: validation.Status == TokenStatus.Expired
                    ? "Ce lien a expiré : demandez un nouveau lien par email."
                    : "Ce lien n'est pas valide : demandez un nouveau lien par email."));
        }

        return Access.Granted(validation.Claims!.Subject);
    }
}
