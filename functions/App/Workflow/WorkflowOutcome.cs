using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// What a command on a need gave: the need's state after it and, when refused, why; no state when there is no such
/// need; <see cref="Unanswered"/> when its orchestration did not answer in time (the command may still be decided).
/// </summary>
public sealed record WorkflowOutcome(NeedState? State, Rejected? Rejection, bool Unanswered = false)
{
    public static WorkflowOutcome NotFound { get; } = new(null, null);

    public static WorkflowOutcome TimedOut(NeedState state) => new(state, null, Unanswered: true);

    public static WorkflowOutcome Of(CommandReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Outcome is { Rejection: { } code } refused
            ? new WorkflowOutcome(reply.State, new Rejected(code, refused.Message ?? string.Empty))
            : new WorkflowOutcome(reply.State, null);
    }
}
