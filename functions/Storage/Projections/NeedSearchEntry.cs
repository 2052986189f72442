using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// One search key of a need (table <c>needsearch</c>): PK = the key (<c>siret:{14 digits}</c>, <c>email:{address}</c>,
/// <c>mot:{word of the company name}</c>), RK = <see cref="NeedSearchIndex.RowKeyOf"/> (newest first within a key), with
/// what a result line shows. What it holds never changes after the submission, so it is written once.
/// </summary>
public sealed class NeedSearchEntry : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string NeedId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string? Subject { get; set; }

    public string? CompanyName { get; set; }

    /// <summary>The company name's search words (lower case, no accents), to check the other words of a query.</summary>
    public string? NameWords { get; set; }

    public string? Siret { get; set; }

    public string? CommuneName { get; set; }

    public string? ContactEmail { get; set; }
}
