using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Emails;

/// <summary>
/// The emails every instance of the app may send per window of ten seconds (table <c>emailbudget</c>): one row per
/// window, counted with ETags, so that instances together stay under the relay's quota. The rows form a ring of an
/// hour's windows, each reset when its window comes round again: the table never grows.
/// </summary>
public sealed class EmailBudget
{
    public const string TableName = "emailbudget";

    /// <summary>Windows this short spread a minute's quota instead of spending it all in its first second.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private const string Partition = "budget";
    private const int Ring = 360;
    private const int Attempts = 8;

    private readonly TableClient _table;

    public EmailBudget(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>The number of emails a window allows for <paramref name="perMinute"/> a minute (at least one).</summary>
    public static int PerWindow(int perMinute) => Math.Max(1, (int)Math.Ceiling(perMinute * Window.TotalMinutes));

    /// <summary>
    /// Takes one email from the budget of the window of <paramref name="now"/>: null when it may go now, otherwise
    /// when to ask again (the next window, or a moment later when many instances ask at once).
    /// </summary>
    public async Task<DateTimeOffset?> TryTakeAsync(DateTimeOffset now, int perMinute, CancellationToken ct)
    {
        var window = now.UtcTicks / Window.Ticks;
        var key = (window % Ring).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        var limit = PerWindow(perMinute);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: ct);
            var row = stored.HasValue ? stored.Value! : null;
            var sameWindow = row?.GetInt64("Window") == window;
            var count = sameWindow ? row!.GetInt32("Count") ?? 0 : 0;
            if (count >= limit)
            {
                return new DateTimeOffset((window + 1) * Window.Ticks, TimeSpan.Zero);
            }

            var next = new TableEntity(Partition, key) { ["Window"] = window, ["Count"] = count + 1 };
            try
            {
                if (row is null)
                {
                    await _table.AddEntityAsync(next, ct);
                }
                else
                {
                    await _table.UpdateEntityAsync(next, row.ETag, TableUpdateMode.Replace, ct);
                }

                return null;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another instance took one meanwhile: count again.
            }
        }

        return now + TimeSpan.FromMilliseconds(Random.Shared.Next(200, 1000));
    }
}
