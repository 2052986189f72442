namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// How the workflow answered one <see cref="NeedCommand"/>: accepted (the need is then at <see cref="Version"/> or
/// later) or refused with a French <see cref="Message"/>. Judged against the need's latest committed state.
/// </summary>
public sealed record CommandOutcome(string CommandId, long Version, RejectionCode? Rejection = null, string? Message = null)
{
    public bool IsAccepted => Rejection is null;

    public static CommandOutcome Of(string commandId, long version, DecisionResult result) => result switch
    {
        Rejected rejected => new CommandOutcome(commandId, version, rejected.Code, rejected.Message),
        _ => new CommandOutcome(commandId, version),
    };
}
