using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Timers;

/// <summary>
/// Durable timers as rows partitioned by due minute (<c>yyyyMMddHHmm</c>, UTC), row key <c>needId|timerId</c>.
/// The sweep reads the partitions that are due (a range on fixed-width keys) and deletes rows once fired.
/// Scheduling is an upsert, so re-running an effect schedules nothing twice. A timer moved to another time leaves
/// its old row behind; the decider ignores it when it fires (stale timer), which is simpler than tracking rows.
/// </summary>
public sealed class TableTimerStore
{
    public const string TableName = "timers";
    private readonly TableClient _table;

    public TableTimerStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task ScheduleAsync(string needId, string timerId, string kind, DateTimeOffset dueAt, CancellationToken ct) =>
        await _table.UpsertEntityAsync(new TableEntity(Bucket(dueAt), $"{needId}|{timerId}")
        {
            ["NeedId"] = needId,
            ["TimerId"] = timerId,
            ["Kind"] = kind,
            ["DueAt"] = dueAt,
        }, TableUpdateMode.Replace, ct);

    /// <summary>Timers due at <paramref name="now"/>, oldest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<DueTimer>> DueAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        var due = new List<DueTimer>();
        var bucket = Bucket(now);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(bucket) <= 0, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            var dueAt = row.GetDateTimeOffset("DueAt") ?? default;
            if (dueAt <= now)
            {
                due.Add(new DueTimer(row.GetString("NeedId"), row.GetString("TimerId"), row.GetString("Kind"), dueAt, row.PartitionKey));
            }

            if (due.Count >= max)
            {
                break;
            }
        }

        return [.. due.OrderBy(t => t.DueAt)];
    }

    public async Task DeleteAsync(DueTimer timer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(timer);
        try
        {
            await _table.DeleteEntityAsync(timer.Bucket, $"{timer.NeedId}|{timer.TimerId}", ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static string Bucket(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
