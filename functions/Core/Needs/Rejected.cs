namespace ConseillersEntreprises.Core.Needs;

/// <summary>The event is refused; nothing is stored. <see cref="Message"/> is French, for the problem document.</summary>
public sealed record Rejected(RejectionCode Code, string Message) : DecisionResult;
