namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An event someone asks the need's workflow to decide (a position, a comment, an operator action, a satisfaction
/// answer), with the id its answer is filed under: the caller waits for the <see cref="CommandOutcome"/> of that id.
/// </summary>
public sealed record NeedCommand(string CommandId, NeedEvent Event);
