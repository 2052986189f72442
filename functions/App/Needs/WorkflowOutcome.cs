using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Needs;

/// <summary>What applying an event to a need gave: the state after it, or why it was refused, or no such need.</summary>
public sealed record WorkflowOutcome(NeedState? State, Rejected? Rejection)
{
    public static WorkflowOutcome NotFound { get; } = new(null, null);

    public bool Found => State is not null;
}
