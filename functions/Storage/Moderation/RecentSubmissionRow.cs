using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Moderation;

/// <summary>
/// One key a submission is remembered by (table <c>recentsubmissions</c>: PK a hashed <c>DuplicateKeys</c> key, RK
/// newest first, then the need id). No personal data: the key is a hash.
/// </summary>
public sealed class RecentSubmissionRow : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string NeedId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
