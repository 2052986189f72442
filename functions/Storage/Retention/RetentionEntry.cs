namespace ConseillersEntreprises.Storage.Retention;

/// <summary>One need waiting for its anonymisation (a row of <see cref="RetentionIndex"/>), with its row's keys.</summary>
public sealed record RetentionEntry(string NeedId, DateTimeOffset CreatedAt, string PartitionKey, string RowKey);
