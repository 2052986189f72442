using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Storage.Snapshots;

/// <summary>
/// The need as the workflow last committed it, and its answers to the latest commands: what every page of a need
/// reads, and where a command's caller finds its answer. <see cref="Sequence"/> only grows, so a late duplicate of an
/// older write never replaces a newer one.
/// </summary>
public sealed record NeedSnapshot(NeedState State, long Sequence, IReadOnlyList<CommandOutcome> Outcomes)
{
    public string NeedId => State.NeedId;

    public CommandOutcome? OutcomeOf(string commandId) =>
        Outcomes.LastOrDefault(o => string.Equals(o.CommandId, commandId, StringComparison.Ordinal));
}
