using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// One need in an advisor's inbox (table <c>inbox</c>: PK advisor id, RK need id), as the decision that last touched
/// the advisor's match left it. <see cref="Status"/> is the match status's wire name, or <c>cancelled</c>.
/// </summary>
public sealed class InboxEntry : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string AdvisorId => PartitionKey;

    public string NeedId => RowKey;

    public string? Subject { get; set; }

    public string? CompanyName { get; set; }

    public string? CommuneName { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset? UpdatedAt { get; set; }
}
