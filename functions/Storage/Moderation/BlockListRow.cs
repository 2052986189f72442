using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Moderation;

/// <summary>The operators' block list (table <c>blocklist</c>, one row): its JSON, gzip'd, and who saved it when.</summary>
public sealed class BlockListRow : ITableEntity
{
    public const string Key = "current";

    public string PartitionKey { get; set; } = Key;

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public byte[] Json { get; set; } = [];

    public string? SavedBy { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
