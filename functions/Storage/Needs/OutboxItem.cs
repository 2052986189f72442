namespace ConseillersEntreprises.Storage.Needs;

/// <summary>
/// An effect waiting to be carried out, identified by its idempotency key. Effects of one command are packed into
/// outbox rows (<see cref="RowKey"/>), so that a need routed to many advisors still fits one transaction.
/// </summary>
public sealed record OutboxItem(string RowKey, string EffectId, string Json, DateTimeOffset CreatedAt);
