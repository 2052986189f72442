using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Security;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Security;

/// <summary>
/// Lets a request through only with a valid operator token whose holder is still listed in Operators:Emails
/// (removing an address revokes its links at once).
/// </summary>
public sealed class OperatorAccess(LinkTokens tokens, IOptionsMonitor<OperatorsOptions> operators)
{
    /// <summary>The operator's email, or the 401/403 to answer.</summary>
    public Access Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var validation = tokens.Validate(LinkTokens.BearerToken(http), TokenAudiences.Operator);
        if (!validation.IsValid)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Access.Refused(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Accès refusé",
                detail: validation.Status == TokenStatus.Expired
                    ? "Votre lien de connexion a expiré : demandez-en un nouveau."
                    : "Un lien de connexion opérateur valide est nécessaire."));
        }

        var email = validation.Claims!.Subject;
        if (!operators.CurrentValue.Emails.Any(e => string.Equals(e.Trim(), email, StringComparison.OrdinalIgnoreCase)))
        {
            return Access.Refused(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé",
                detail: "Cette adresse n'est plus autorisée à administrer le service."));
        }

        return Access.Granted(email);
    }
}
