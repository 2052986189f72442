using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// Read models derived from workflow effects (rebuildable from the event logs): each advisor's inbox
/// (PK advisor id, RK need id) and the operators' quality baskets (PK basket name, RK need id). Upserts only,
/// so replaying an effect changes nothing.
/// </summary>
public sealed class TableProjections
{
    private readonly TableClient _inbox;
    private readonly TableClient _baskets;

    public TableProjections(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _inbox = service.GetTableClient(tablePrefix + "inbox");
        _baskets = service.GetTableClient(tablePrefix + "baskets");
    }

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        await _inbox.CreateIfNotExistsAsync(ct);
        await _baskets.CreateIfNotExistsAsync(ct);
    }

    public async Task UpsertInboxAsync(string advisorId, string needId, IDictionary<string, object?> values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entity = new TableEntity(advisorId, needId);
        foreach (var (key, value) in values)
        {
            entity[key] = value;
        }

        await _inbox.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<TableEntity>> InboxAsync(string advisorId, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _inbox.QueryAsync<TableEntity>(e => e.PartitionKey == advisorId, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task AddToBasketAsync(string basket, string needId, string reason, DateTimeOffset at, CancellationToken ct) =>
        await _baskets.UpsertEntityAsync(new TableEntity(basket, needId) { ["Reason"] = reason, ["At"] = at }, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<TableEntity>> BasketAsync(string basket, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _baskets.QueryAsync<TableEntity>(e => e.PartitionKey == basket, cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }

}
