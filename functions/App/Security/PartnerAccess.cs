using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Partners;
using ConseillersEntreprises.Storage.Partners;

namespace ConseillersEntreprises.App.Security;

/// <summary>
/// Checks the partner API key of a <c>POST /api/needs</c>. No Authorization header: the public site's form. Any
/// Authorization header must carry a valid key (known, not revoked, not expired, of an institution still in the
/// directory), otherwise 401: a partner's broken key never turns its needs into anonymous ones.
/// </summary>
public sealed partial class PartnerAccess(PartnerKeyStore keys, CurrentDirectory directory, TimeProvider time, ILogger<PartnerAccess> logger)
{
    /// <summary>For routes that only partners call (their stats): no Authorization header is a 401 too, never the public site.</summary>
    public async Task<PartnerCaller> RequireKeyAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        return string.IsNullOrEmpty(http.Request.Headers.Authorization.ToString())
            ? Refuse(http, "Une clé d'API est nécessaire : en-tête Authorization: Bearer <clé>, délivrée par l'équipe Conseillers-Entreprises.")
            : await CheckAsync(http, ct);
    }

    public async Task<PartnerCaller> CheckAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (string.IsNullOrEmpty(http.Request.Headers.Authorization.ToString()))
        {
            return PartnerCaller.PublicSite;
        }

        var secret = LinkTokens.BearerToken(http);
        var key = PartnerKeySecret.HasKeyShape(secret) ? await keys.FindByHashAsync(PartnerKeySecret.Hash(secret!), ct) : null;
        var now = time.GetUtcNow();
        if (key is null)
        {
            return Refuse(http, "Clé d'API inconnue : vérifiez l'en-tête Authorization: Bearer <clé> ou demandez une clé à l'équipe Conseillers-Entreprises.");
        }

        switch (PartnerKeyRules.StatusAt(key, now))
        {
            case PartnerKeyStatus.Revoked:
                return Refuse(http, "Cette clé d'API a été révoquée : demandez-en une nouvelle à l'équipe Conseillers-Entreprises.");
            case PartnerKeyStatus.Expired:
                return Refuse(http, $"Cette clé d'API a expiré le {key.ExpiresAt:yyyy-MM-dd} : demandez-en une nouvelle à l'équipe Conseillers-Entreprises.");
        }

        if (directory.Snapshot?.InstitutionNames.GetValueOrDefault(key.InstitutionId) is not { } institutionName)
        {
            return Refuse(http, "L'institution de cette clé d'API ne fait plus partie de l'annuaire.");
        }

        if (PartnerKeyRules.ShouldRecordUse(key, now))
        {
            await RecordUseAsync(key with { LastUsedAt = now }, ct);
        }

        return PartnerCaller.Partner(key, institutionName);
    }

    /// <summary>The last use is for the operators' list only: a storage hiccup there never refuses the partner's need.</summary>
    private async Task RecordUseAsync(PartnerKey key, CancellationToken ct)
    {
        try
        {
            await keys.UpdateAsync(key, ct);
        }
        catch (Azure.RequestFailedException e)
        {
            LogLastUseNotRecorded(logger, key.Id, e);
        }
    }

    private static PartnerCaller Refuse(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return PartnerCaller.Refused(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Clé d'API refusée", detail: detail));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The last use of partner key {KeyId} could not be recorded")]
    private static partial void LogLastUseNotRecorded(ILogger logger, string keyId, Exception exception);
}
