using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Partners;

namespace ConseillersEntreprises.Storage.Partners;

/// <summary>
/// The partners' API keys (table <c>partnerkeys</c>): one partition, RK = the SHA-256 of the secret, so that checking a
/// partner call is one point read; the secret itself is never stored. A handful of keys per institution: the operators'
/// list and a revocation by id read the whole partition.
/// </summary>
public sealed class PartnerKeyStore
{
    public const string TableName = "partnerkeys";
    private const string Partition = "key";

    private readonly TableClient _table;

    public PartnerKeyStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>Stores a new key (its id and hash are random: a conflict would be a bug, not a race).</summary>
    public async Task AddAsync(PartnerKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _table.AddEntityAsync(ToEntity(key), ct);
    }

    /// <summary>Rewrites a key's mutable facts (revocation, last use); Merge without ETag: both writes only ever move forward.</summary>
    public async Task UpdateAsync(PartnerKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _table.UpdateEntityAsync(ToEntity(key), ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>The key whose secret hashes to <paramref name="hash"/>, or null.</summary>
    public async Task<PartnerKey?> FindByHashAsync(string hash, CancellationToken ct)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, hash, cancellationToken: ct);
        return entity.HasValue ? FromEntity(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<PartnerKey>> ListAsync(CancellationToken ct)
    {
        var keys = new List<PartnerKey>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            keys.Add(FromEntity(entity));
        }

        return keys;
    }

    private static TableEntity ToEntity(PartnerKey key) => new(Partition, key.Hash)
    {
        ["Id"] = key.Id,
        ["InstitutionId"] = key.InstitutionId,
        ["Label"] = key.Label,
        ["CreatedAt"] = key.CreatedAt,
        ["ExpiresAt"] = key.ExpiresAt,
        ["CreatedBy"] = key.CreatedBy,
        ["RevokedAt"] = key.RevokedAt,
        ["RevokedBy"] = key.RevokedBy,
        ["LastUsedAt"] = key.LastUsedAt,
    };

    private static PartnerKey FromEntity(TableEntity e) => new()
    {
        Id = e.GetString("Id") ?? string.Empty,
        Hash = e.RowKey,
        InstitutionId = e.GetString("InstitutionId") ?? string.Empty,
        Label = e.GetString("Label") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        ExpiresAt = e.GetDateTimeOffset("ExpiresAt") ?? default,
        CreatedBy = e.GetString("CreatedBy"),
        RevokedAt = e.GetDateTimeOffset("RevokedAt"),
        RevokedBy = e.GetString("RevokedBy"),
        LastUsedAt = e.GetDateTimeOffset("LastUsedAt"),
    };
}
