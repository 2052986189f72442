using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Storage.Snapshots;

namespace ConseillersEntreprises.Storage.Moderation;

/// <summary>
/// The operators' block list (table <c>blocklist</c>): one row, replaced whole by each save. Read by every submission
/// (one point read, made while the company is looked up), so a save applies to the next submission on every instance:
/// no cache to invalidate.
/// </summary>
public sealed class BlockListStore
{
    public const string TableName = "blocklist";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;

    public BlockListStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>The list as last saved; empty when none was ever saved.</summary>
    public async Task<BlockList> GetAsync(CancellationToken ct)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<BlockListRow>(BlockListRow.Key, BlockListRow.Key, cancellationToken: ct);
            return row.HasValue && row.Value is { } stored
                ? JsonSerializer.Deserialize<BlockList>(GzipText.Decompress(stored.Json), Json) ?? BlockList.Empty
                : BlockList.Empty;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return BlockList.Empty; // the table itself is not there yet
        }
    }

    public async Task SaveAsync(BlockList list, string savedBy, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        await _table.UpsertEntityAsync(
            new BlockListRow { Json = GzipText.Compress(JsonSerializer.Serialize(list, Json)), SavedBy = savedBy, SavedAt = at },
            TableUpdateMode.Replace,
            ct);
    }
}
