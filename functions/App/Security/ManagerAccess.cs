using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Core.Security;

namespace ConseillersEntreprises.App.Security;

/// <summary>
/// Requires a valid antenna manager token (from the digest or a requested link) whose holder still manages an antenna
/// in the current directory: its subject is the manager's email, and what it opens is that manager's antennas only.
/// </summary>
public sealed class ManagerAccess(LinkTokens tokens, CurrentDirectory directory)
{
    /// <summary>The manager and its antennas, or the 401/403 to answer.</summary>
    public (AntennaManager? Manager, IResult? Refusal) Check(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var validation = tokens.Validate(LinkTokens.BearerToken(http), TokenAudiences.Manager);
        if (!validation.IsValid)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Lien invalide ou expiré",
                detail: validation.Status == TokenStatus.Expired
                    ? "Ce lien a expiré : demandez un nouveau lien par email."
                    : "Ce lien n'est pas valide : demandez un nouveau lien par email."));
        }

        return directory.Snapshot is { } snapshot && AntennaManager.Find(snapshot.Document, validation.Claims!.Subject) is { } manager
            ? (manager, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Accès refusé",
                detail: "Cette adresse n'est plus responsable d'une antenne de l'annuaire."));
    }
}
