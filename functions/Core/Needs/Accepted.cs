namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The event is accepted: store <see cref="State"/> (its version is the event's sequence number), append the event
/// and put <see cref="Effects"/> in the outbox, in one transaction. When <see cref="IsNoOp"/> is true (a stale or
/// repeated timer) the state is the one given, unchanged, and nothing needs to be written.
/// </summary>
public sealed record Accepted(NeedState State, IReadOnlyList<NeedEffect> Effects) : DecisionResult
{
    public bool IsNoOp { get; init; }
}
