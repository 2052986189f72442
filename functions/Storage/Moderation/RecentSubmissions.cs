using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Moderation;

/// <summary>
/// The submissions of the last days by SIRET + subject and email + subject (table <c>recentsubmissions</c>), to spot
/// a duplicate: written by the intake itself when it creates a need (not by the workflow afterwards: two posts a second
/// apart must see each other), read as one partition each, newest first, stopping at the first row. Rows are a few
/// bytes and hold no personal data; older ones are simply never read again.
/// </summary>
public sealed class RecentSubmissions
{
    public const string TableName = "recentsubmissions";

    private readonly TableClient _table;

    public RecentSubmissions(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>Newest first: the ticks left until the end of time.</summary>
    private static string TicksKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Whether a need other than <paramref name="needId"/> was submitted under <paramref name="key"/> since <paramref name="since"/>.</summary>
    public async Task<bool> AnySinceAsync(string key, DateTimeOffset since, string needId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey lt {TicksKey(since)}");
        try
        {
            await foreach (var row in _table.QueryAsync<RecentSubmissionRow>(filter, maxPerPage: 2, cancellationToken: ct))
            {
                if (!string.Equals(row.NeedId, needId, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }

        return false;
    }

    /// <summary>Upserts (a retried submission writes the same rows), one partition each, all at once.</summary>
    public async Task RememberAsync(IEnumerable<string> keys, string needId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await Task.WhenAll(keys.Select(key => _table.UpsertEntityAsync(
            new RecentSubmissionRow { PartitionKey = key, RowKey = TicksKey(at) + "_" + needId, NeedId = needId, At = at },
            TableUpdateMode.Replace,
            ct)));
    }
}
