using System.Globalization;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// The operators' need search (table <c>needsearch</c>): a few rows per need, one per key it can be found by (its SIRET,
/// its contact's email, each word of its company name), newest first within a key. An exact key is one partition
/// read; a partial company name is a range of word partitions (the words that start with what was typed), read up to
/// a bound. The need id itself needs no row: the need's snapshot is read directly.
/// </summary>
public sealed class NeedSearchIndex
{
    public const string TableName = "needsearch";

    private readonly TableClient _table;

    public NeedSearchIndex(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>Newest first: the ticks left until the end of time, then the need id (two needs of the same tick stay apart).</summary>
    public static string RowKeyOf(DateTimeOffset createdAt, string needId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + needId;

    /// <summary>
    /// Upserts (a replayed decision writes the same rows), all at once: each row has its own partition, so no
    /// transaction can hold them, and one after the other they would delay the submission's first emails.
    /// </summary>
    public async Task UpsertAsync(IEnumerable<NeedSearchEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await Task.WhenAll(entries.Select(entry => _table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct)));
    }

    /// <summary>Deletes one need's rows under these keys (rows already gone are fine), all at once.</summary>
    public async Task DeleteAsync(IEnumerable<string> keys, string rowKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Task.WhenAll(keys.Select(async key =>
        {
            try
            {
                await _table.DeleteEntityAsync(key, rowKey, Azure.ETag.All, ct);
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
            }
        }));
    }

    /// <summary>The rows of one exact key, newest first, at most <paramref name="max"/>.</summary>
    public Task<IReadOnlyList<NeedSearchEntry>> ByKeyAsync(string key, int max, CancellationToken ct) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {key}"), max, ct);

    /// <summary>
    /// The rows of every key starting with <paramref name="prefix"/> (ordered by key, then newest first within a key),
    /// at most <paramref name="max"/>: a short prefix of a common word stops at the bound rather than reading everything.
    /// </summary>
    public Task<IReadOnlyList<NeedSearchEntry>> ByPrefixAsync(string prefix, int max, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return ReadAsync(TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {upper}"), max, ct);
    }

    private async Task<IReadOnlyList<NeedSearchEntry>> ReadAsync(string filter, int max, CancellationToken ct)
    {
        var rows = new List<NeedSearchEntry>();
        await foreach (var row in _table.QueryAsync<NeedSearchEntry>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            rows.Add(row);
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }
}
