using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>One need put in an operators' basket (table <c>baskets</c>: PK basket wire name, RK need id), and why.</summary>
public sealed class BasketEntry : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Basket => PartitionKey;

    public string NeedId => RowKey;

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
