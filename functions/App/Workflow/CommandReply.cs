using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>The answer to a command and the need's state once it was decided (unchanged when refused).</summary>
public sealed record CommandReply(CommandOutcome Outcome, NeedState State);
