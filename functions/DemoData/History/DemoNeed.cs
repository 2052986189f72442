using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// A need of the demo history: its submission (routed by the demo directory), when it was submitted, and the events
/// that followed (advisors' positions, comments, the company's answer, an operator's cancellation), oldest first.
/// The timers in between (reminders, follow-up, abandonment) are not scripted: replaying fires them when due.
/// </summary>
public sealed record DemoNeed(NeedSubmitted Submission, DateTimeOffset SubmittedAt, IReadOnlyList<DemoStep> Steps, DemoOutcome Outcome)
{
    public string NeedId => Submission.NeedId;
}
