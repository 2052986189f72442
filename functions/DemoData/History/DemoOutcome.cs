namespace ConseillersEntreprises.DemoData.History;

/// <summary>How a need of the demo history ended (or that it is still open, for the recent ones submitted for real).</summary>
public enum DemoOutcome
{
    /// <summary>Taken on, then closed with help (done); the company often answered the survey.</summary>
    Helped,

    /// <summary>Taken on, then closed without help possible (done_no_help).</summary>
    NoHelp,

    /// <summary>Taken on, then closed because the company could not be reached (done_not_reachable).</summary>
    NotReachable,

    /// <summary>Every advisor declined it (the operators' "refused" basket).</summary>
    RefusedByAll,

    /// <summary>Nobody answered: reminders, follow-up, last chance, then abandoned on day 45 (the "abandoned" basket).</summary>
    Abandoned,

    /// <summary>Cancelled by an operator (a duplicate): out of the statistics.</summary>
    Cancelled,

    /// <summary>Submitted at seeding through the real workflow, waiting for its advisors.</summary>
    Open,
}
