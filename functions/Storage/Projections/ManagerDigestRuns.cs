using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// The managers' weekly digest runs (table <c>managerdigests</c>): PK = ISO week ("2026-W10"), RK = <c>run</c>, written
/// once every digest of the week is out. Later runs of that week stop at it; each email is also sent once by its own
/// idempotency key, so two instances running at once never send twice either.
/// </summary>
public sealed class ManagerDigestRuns
{
    public const string TableName = "managerdigests";
    private const string RunRow = "run";

    private readonly TableClient _table;

    public ManagerDigestRuns(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>When the week's run completed, or null.</summary>
    public async Task<ManagerDigestRun?> CompletedAsync(string week, CancellationToken ct)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(week, RunRow, cancellationToken: ct);
        return found.HasValue && found.Value is { } e
            ? new ManagerDigestRun(week, e.GetDateTimeOffset("CompletedAt") ?? default, e.GetInt32("Sent") ?? 0, e.GetInt32("Managers") ?? 0)
            : null;
    }

    public async Task MarkCompletedAsync(ManagerDigestRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var entity = new TableEntity(run.Week, RunRow)
        {
            ["CompletedAt"] = run.CompletedAt,
            ["Sent"] = run.Sent,
            ["Managers"] = run.Managers,
        };
        try
        {
            await _table.AddEntityAsync(entity, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another instance completed the same week first: its marker stands.
        }
    }
}
