using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// Input of <see cref="NeedActivities.RecordDecision"/>: the state after decision number <see cref="Sequence"/>, the
/// answer to the command decided (if it was one), and the read models it changed.
/// </summary>
public sealed record RecordDecisionInput(
    NeedState State,
    long Sequence,
    CommandOutcome? Outcome,
    IReadOnlyList<string> InboxAdvisorIds,
    bool NeedLevelChanged,
    bool SearchChanged = false);
