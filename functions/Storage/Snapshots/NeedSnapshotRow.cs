using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Snapshots;

/// <summary>Table <c>needsnapshots</c>: PK need id, RK <c>snapshot</c>. Written only by <see cref="NeedSnapshotStore"/>.</summary>
public sealed class NeedSnapshotRow : ITableEntity
{
    public const string Key = "snapshot";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The need's state as JSON, gzip'd (<see cref="GzipText"/>).</summary>
    public byte[] State { get; set; } = [];

    /// <summary>The need's version (<c>NeedState.Version</c>).</summary>
    public long Version { get; set; }

    /// <summary>How many messages (commands and timers) the workflow had decided when it wrote this row.</summary>
    public long Sequence { get; set; }

    /// <summary>The answers to the latest commands, JSON (<c>CommandOutcome[]</c>), newest last.</summary>
    public string Outcomes { get; set; } = "[]";
}
