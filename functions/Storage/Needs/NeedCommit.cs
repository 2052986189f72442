namespace ConseillersEntreprises.Storage.Needs;

/// <summary>
/// What one accepted command writes: the new state, the events appended to the log, the effects put in the outbox.
/// Written in ONE entity-group transaction on the need's partition.
/// </summary>
public sealed record NeedCommit(
    string NeedId,
    string StateJson,
    long Version,
    IReadOnlyList<(string Type, string Json)> Events,
    IReadOnlyList<(string EffectId, string Json)> Outbox);
