using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// The operators' quality baskets (table <c>baskets</c>). A need enters when the workflow alerts the operators; the
/// reader keeps only the needs whose state still calls for them, so nothing ever has to be taken out here.
/// </summary>
public sealed class OperatorBaskets
{
    public const string TableName = "baskets";

    private readonly TableClient _table;

    public OperatorBaskets(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task AddAsync(BasketEntry entry, CancellationToken ct) =>
        await _table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<BasketEntry>> OfAsync(string basket, CancellationToken ct)
    {
        var entries = new List<BasketEntry>();
        await foreach (var entry in _table.QueryAsync<BasketEntry>(e => e.PartitionKey == basket, cancellationToken: ct))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
