using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Partners;
using ConseillersEntreprises.Storage.Partners;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The partner institutions' API keys, issued and revoked by the operators. A key's secret is in the answer that issues
/// it and nowhere else: the list shows what identifies a key, never the secret (only its hash is stored).
/// </summary>
public sealed class AdminApiKeyFunctions(
    OperatorAccess access,
    PartnerKeyStore keys,
    CurrentDirectory directory,
    IOptionsMonitor<PartnersOptions> options,
    TimeProvider time)
{
    [Function("AdminIssueApiKey")]
    public Task<IResult> AdminIssueApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/api-keys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<IssueRequest>(request, (body, email) => IssueAsync(body, email, cancellationToken), cancellationToken);

    [Function("AdminApiKeys")]
    public async Task<IResult> AdminApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/api-keys")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? await ListAsync(cancellationToken);

    /// <summary>Revokes a key at once (the next call with it is a 401); revoking it again changes nothing.</summary>
    [Function("AdminRevokeApiKey")]
    public async Task<IResult> AdminRevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "admin/api-keys/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var operatorAccess = access.Check(request.Context());
        return operatorAccess.Refusal ?? await RevokeAsync(id, operatorAccess.Subject!, cancellationToken);
    }

    private async Task<IResult> IssueAsync(IssueRequest? request, string operatorEmail, CancellationToken ct)
    {
        var institutionId = request?.InstitutionId?.Trim();
        var label = request?.Label?.Trim();
        var errors = new Dictionary<string, string[]>();
        var names = directory.Snapshot?.InstitutionNames;
        if (string.IsNullOrEmpty(institutionId))
        {
            errors["institutionId"] = ["Choisissez l'institution partenaire à qui la clé est destinée"];
        }
        else if (names is null || !names.ContainsKey(institutionId))
        {
            errors["institutionId"] = [$"Institution « {institutionId} » inconnue : elle doit figurer dans l'annuaire"];
        }

        if (string.IsNullOrEmpty(label) || label.Length > PartnerKeyRules.MaxLabelLength)
        {
            errors["label"] = [$"Donnez à la clé un nom de {PartnerKeyRules.MaxLabelLength} caractères au plus (par exemple « Site de la CCI Occitanie »)"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "La clé n'a pas été créée : corrigez les champs signalés");
        }

        var (key, secret) = PartnerKeyRules.Issue(institutionId!, label!, operatorEmail, time.GetUtcNow(), options.CurrentValue.KeyLifetime);
        await keys.AddAsync(key, ct);
        return TypedResults.Created($"/api/admin/api-keys/{key.Id}", new IssuedKey(key.Id, secret, key.ExpiresAt, key.InstitutionId, names![key.InstitutionId], key.Label));
    }

    private async Task<Ok<List<KeyRow>>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var names = directory.Snapshot?.InstitutionNames;
        var rows = (await keys.ListAsync(ct))
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => KeyRow.Of(k, names?.GetValueOrDefault(k.InstitutionId), now))
            .ToList();
        return TypedResults.Ok(rows);
    }

    private async Task<IResult> RevokeAsync(string id, string operatorEmail, CancellationToken ct)
    {
        var key = (await keys.ListAsync(ct)).FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal));
        if (key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Clé introuvable", detail: "Aucune clé d'API ne porte cet identifiant.");
        }

        var now = time.GetUtcNow();
        var revoked = PartnerKeyRules.Revoke(key, operatorEmail, now);
        if (!ReferenceEquals(revoked, key))
        {
            await keys.UpdateAsync(revoked, ct);
        }

        return TypedResults.Ok(KeyRow.Of(revoked, directory.Snapshot?.InstitutionNames.GetValueOrDefault(revoked.InstitutionId), now));
    }

    public sealed record IssueRequest(string? InstitutionId, string? Label);

    /// <summary>The answer that issues a key: the only time its secret is given.</summary>
    public sealed record IssuedKey(string Id, string Key, DateTimeOffset ExpiresAt, string InstitutionId, string InstitutionName, string Label);

    /// <summary>A key as the operators' list shows it: no secret, no hash.</summary>
    public sealed record KeyRow(
        string Id,
        string InstitutionId,
        string? InstitutionName,
        string Label,
        DateTimeOffset CreatedAt,
        string? CreatedBy,
        DateTimeOffset ExpiresAt,
        DateTimeOffset? RevokedAt,
        string? RevokedBy,
        DateTimeOffset? LastUsedAt,
        string Status)
    {
        public static KeyRow Of(PartnerKey key, string? institutionName, DateTimeOffset now) => new(
            key.Id, key.InstitutionId, institutionName, key.Label, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt, key.RevokedBy, key.LastUsedAt,
            PartnerKeyRules.StatusAt(key, now) switch
            {
                PartnerKeyStatus.Revoked => "revoked",
                PartnerKeyStatus.Expired => "expired",
                _ => "valid",
            });
    }
}
