using System.Globalization;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Journal;

/// <summary>
/// The operators' journal (table <c>operatorjournal</c>): PK = month (<c>yyyy-MM</c>, UTC), RK = newest first (ticks
/// left to the end of time) + a unique suffix. Written once per action, never changed.
/// </summary>
public sealed class OperatorJournal
{
    public const string TableName = "operatorjournal";

    private readonly TableClient _table;

    public OperatorJournal(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task AddAsync(JournalEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await _table.AddEntityAsync(new TableEntity(entry.At.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture), rowKey)
        {
            ["At"] = entry.At,
            ["Operator"] = entry.Operator,
            ["Action"] = entry.Action,
            ["LookedUpBy"] = entry.LookedUpBy,
            ["NeedIds"] = string.Join(' ', entry.NeedIds),
        }, ct);
    }

    /// <summary>The entries of one month, newest first.</summary>
    public async Task<IReadOnlyList<JournalEntry>> OfMonthAsync(string month, CancellationToken ct)
    {
        var entries = new List<JournalEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {month}"), cancellationToken: ct))
        {
            entries.Add(new JournalEntry(
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("Operator") ?? string.Empty,
                row.GetString("Action") ?? string.Empty,
                row.GetString("LookedUpBy"),
                (row.GetString("NeedIds") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        }

        return entries;
    }
}
