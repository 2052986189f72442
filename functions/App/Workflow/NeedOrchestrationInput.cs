using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// What a generation of a need's orchestration starts from: the state, the schedule captured when the need was
/// submitted (an orchestration must decide the same on every replay, so settings are not re-read), the number of
/// messages decided so far, and, for the first generation only, the submission's effects to carry out.
/// </summary>
public sealed record NeedOrchestrationInput
{
    public required NeedState State { get; init; }

    public required WorkflowSchedule Schedule { get; init; }

    /// <summary>Messages (commands and timers) decided before this generation; the submission is message 0.</summary>
    public long Sequence { get; init; }

    /// <summary>The answers to the latest commands, newest last: a command sent again (its event was lost, or its caller
    /// asked twice) gets the same answer instead of being decided twice.</summary>
    public IReadOnlyList<CommandOutcome> RecentOutcomes { get; init; } = [];

    /// <summary>The submission's effects (first generation); null when continuing as new, where nothing is pending.</summary>
    public IReadOnlyList<NeedEffect>? FirstEffects { get; init; }
}
