using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// A demo need after its replay: its state as the workflow would have left it, the number of decisions taken
/// (the snapshot's sequence) and the operators' alerts raised on the way. Emails are not kept: they were "sent" then.
/// </summary>
public sealed record ReplayedNeed(NeedState State, long Decisions, IReadOnlyList<DemoAlert> Alerts);
