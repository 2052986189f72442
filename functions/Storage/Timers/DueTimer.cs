namespace ConseillersEntreprises.Storage.Timers;

/// <summary>A durable timer row: when it is due, the sweep turns it into a workflow event for its need.</summary>
public sealed record DueTimer(string NeedId, string TimerId, string Kind, DateTimeOffset DueAt, string Bucket);
