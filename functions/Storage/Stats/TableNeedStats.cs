using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Storage.Stats;

/// <summary>
/// The public stats projection: table <c>needstats</c>, PK = month ("yyyy-MM", Paris), RK = need id, one row per need
/// holding no personal data (the SIRET is public registry data). Upserts and deletes only, so replaying an effect changes nothing; a query reads the
/// partitions of its months, at most <see cref="StatsQuery.MaxMonths"/>.
/// </summary>
public sealed class TableNeedStats
{
    private readonly TableClient _table;

    public TableNeedStats(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + "needstats");
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task UpsertAsync(NeedStatsRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entity = NeedStatsColumns.Entity(row.Month, row.NeedId, row);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>Removes the need from the stats (cancelled); a need that has no row is fine.</summary>
    public async Task DeleteAsync(string month, string needId, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(month, needId, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone, or never counted.
        }
    }

    /// <summary>Every row of the months from <paramref name="from"/> to <paramref name="to"/> ("yyyy-MM", both included).</summary>
    public async Task<IReadOnlyList<NeedStatsRow>> ReadAsync(string from, string to, CancellationToken ct)
    {
        var rows = new List<NeedStatsRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            rows.Add(NeedStatsColumns.Row(e, e.RowKey, e.PartitionKey));
        }

        return rows;
    }
}
