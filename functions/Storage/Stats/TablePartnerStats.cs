using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Storage.Stats;

/// <summary>
/// The partners' stats projection: table <c>partnerstats</c>, one row per need per institution and per antenna it was sent
/// to (<see cref="PartnerStatsRows"/>), PK = the scope's key ("institution:{id}", "antenna:{id}"), RK = month + "_" +
/// need id, so that one scope's months are one range inside its partition. Beside them, one row per need (PK
/// "need:{id}") remembers the scopes it has rows in, so that a scope the need lost (an advisor reassigned elsewhere, a
/// cancellation) loses its row without a scan. Like <c>needstats</c>: no personal data; upserts and deletes only.
/// </summary>
public sealed class TablePartnerStats
{
    public const string TableName = "partnerstats";

    private const string NeedPartitionPrefix = "need:";
    private const string ScopesRowKey = "scopes";

    private readonly TableClient _table;

    public TablePartnerStats(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>
    /// Makes the need's rows exactly <paramref name="rows"/>: upserts them, deletes those of the scopes it had and no longer
    /// has, then remembers the new scopes. Replaying it, or running it again after a crash half-way, converges.
    /// </summary>
    public async Task ReplaceNeedAsync(string needId, string month, IReadOnlyList<ScopedStatsRow> rows, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(needId);
        ArgumentNullException.ThrowIfNull(rows);
        var before = await ScopesOfAsync(needId, ct);
        // Each scope is its own partition, so no batch can hold them: the writes go out at once instead (a need reaches
        // a handful of institutions and antennas, and this runs in the decision's activity).
        var now = rows.Select(r => r.Scope.Key).ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(rows.Select(row => _table.UpsertEntityAsync(EntityOf(row), TableUpdateMode.Replace, ct))
            .Concat(before.Where(scope => !now.Contains(scope)).Select(gone => DeleteAsync(gone, RowKeyOf(month, needId), ct))));

        if (now.Count == 0)
        {
            await DeleteAsync(NeedPartitionPrefix + needId, ScopesRowKey, ct);
        }
        else if (!now.SetEquals(before))
        {
            var scopes = new TableEntity(NeedPartitionPrefix + needId, ScopesRowKey) { ["Scopes"] = string.Join('\n', now.Order(StringComparer.Ordinal)) };
            await _table.UpsertEntityAsync(scopes, TableUpdateMode.Replace, ct);
        }
    }

    /// <summary>Every row of <paramref name="scope"/> in the months from <paramref name="from"/> to <paramref name="to"/> ("yyyy-MM", both included).</summary>
    public async Task<IReadOnlyList<NeedStatsRow>> ReadAsync(StatsScope scope, string from, string to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var rows = new List<NeedStatsRow>();
        // Every "yyyy-MM_{need id}" of the last month sorts before "yyyy-MM_~": need ids are letters, digits and dashes.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {scope.Key} and RowKey ge {from + "_"} and RowKey lt {to + "_~"}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct))
        {
            var separator = e.RowKey.IndexOf('_', StringComparison.Ordinal);
            rows.Add(NeedStatsColumns.Row(e, e.RowKey[(separator + 1)..], e.RowKey[..separator]));
        }

        return rows;
    }

    private static string RowKeyOf(string month, string needId) => month + "_" + needId;

    private static TableEntity EntityOf(ScopedStatsRow scoped) =>
        NeedStatsColumns.Entity(scoped.Scope.Key, RowKeyOf(scoped.Row.Month, scoped.Row.NeedId), scoped.Row);

    private async Task<IReadOnlyList<string>> ScopesOfAsync(string needId, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(NeedPartitionPrefix + needId, ScopesRowKey, cancellationToken: ct);
        return found.HasValue && found.Value!.GetString("Scopes") is { Length: > 0 } scopes ? scopes.Split('\n') : [];
    }

    private async Task DeleteAsync(string partitionKey, string rowKey, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }
}
