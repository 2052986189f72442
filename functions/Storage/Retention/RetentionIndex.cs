using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Retention;

/// <summary>
/// The needs whose personal data is still to be anonymised (table <c>retention</c>), so that the daily sweep reads only
/// what is due instead of every need ever stored. PK = the creation month (<c>yyyy-MM</c>, UTC), RK = the creation
/// instant's ticks (19 digits) + <c>_</c> + need id: ordered by creation time across and within months, so "created
/// before the cut-off" is one range query that reads due rows only, oldest first, up to a bound. A row is written
/// before the need's snapshot (no need exists without one) and deleted once the need is anonymised, so the table holds
/// the retention period's needs (about 150,000 for 50,000 needs a year, a few hundred bytes each) and a run reads the
/// day's due needs (about 140), or its bound while a backlog drains.
/// <para>
/// Partition <see cref="PurgePartition"/> holds needs already anonymised whose Durable history could not be purged yet
/// (their orchestration was still finishing): the sweep purges them first.
/// </para>
/// </summary>
public sealed class RetentionIndex
{
    public const string TableName = "retention";

    /// <summary>Needs anonymised whose orchestration history is still to purge (sorts after every month).</summary>
    public const string PurgePartition = "purge";

    private readonly TableClient _table;

    public RetentionIndex(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public static string MonthOf(DateTimeOffset createdAt) => createdAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string RowKeyOf(DateTimeOffset createdAt, string needId) =>
        createdAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "_" + needId;

    /// <summary>Registers a need (an upsert: a replayed submission writes the same row).</summary>
    public async Task AddAsync(string needId, DateTimeOffset createdAt, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(MonthOf(createdAt), RowKeyOf(createdAt, needId)) { ["NeedId"] = needId, ["CreatedAt"] = createdAt }, TableUpdateMode.Replace, ct);

    /// <summary>The needs created before <paramref name="cutoff"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<RetentionEntry>> DueAsync(DateTimeOffset cutoff, int max, CancellationToken ct)
    {
        // Every row of an earlier month has a smaller RowKey than the cut-off's, so the RowKey bound alone is exact.
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {MonthOf(cutoff)} and RowKey lt {cutoff.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}");
        return await ReadAsync(filter, max, ct);
    }

    /// <summary>Needs anonymised whose Durable history is still to purge, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<RetentionEntry>> PurgesPendingAsync(int max, CancellationToken ct) =>
        await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {PurgePartition}"), max, ct);

    public async Task AddPurgePendingAsync(string needId, DateTimeOffset createdAt, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(PurgePartition, needId) { ["NeedId"] = needId, ["CreatedAt"] = createdAt }, TableUpdateMode.Replace, ct);

    /// <summary>Forgets one row (gone already is fine).</summary>
    public async Task RemoveAsync(string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Forgets a need's rows: its month's and its pending purge, if any.</summary>
    public async Task RemoveAsync(string needId, DateTimeOffset createdAt, CancellationToken ct)
    {
        await RemoveAsync(MonthOf(createdAt), RowKeyOf(createdAt, needId), ct);
        await RemoveAsync(PurgePartition, needId, ct);
    }

    private async Task<IReadOnlyList<RetentionEntry>> ReadAsync(string filter, int max, CancellationToken ct)
    {
        var rows = new List<RetentionEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            rows.Add(new RetentionEntry(row.GetString("NeedId") ?? string.Empty, row.GetDateTimeOffset("CreatedAt") ?? default, row.PartitionKey, row.RowKey));
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }
}
