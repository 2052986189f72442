namespace ConseillersEntreprises.Core.Needs;

/// <summary>Why an event was refused; the HTTP mapping suggested for each is in its summary.</summary>
public enum RejectionCode
{
    /// <summary>No need with this id (404).</summary>
    UnknownNeed,

    /// <summary>A need with this id was already submitted (the idempotent submission already happened).</summary>
    AlreadySubmitted,

    /// <summary>The need was cancelled by an operator (409).</summary>
    Cancelled,

    /// <summary>The need is closed: abandoned because nobody took it on in time (409).</summary>
    Closed,

    /// <summary>The need was not sent to this advisor (404: a token never opens someone else's need).</summary>
    UnknownAdvisor,

    /// <summary>The match cannot move from its current status to the one asked (409).</summary>
    TransitionNotAllowed,

    /// <summary>The match already has the status asked (409, or 200 for a retried request).</summary>
    AlreadyInStatus,

    /// <summary>An operator added an advisor the need was already sent to (409).</summary>
    AdvisorAlreadyPresent,

    /// <summary>An operator chose the subject of a need already sent to advisors (409: add an advisor instead).</summary>
    AlreadyRouted,

    /// <summary>The event itself is malformed, e.g. an empty comment (400).</summary>
    InvalidEvent,

    /// <summary>The company answered the satisfaction survey before any advisor closed its need.</summary>
    SatisfactionNotOpen,

    /// <summary>The need waits for an operator's check: it goes to no advisor before it is approved (409).</summary>
    Held,

    /// <summary>Approve or reject on a need that was never held (409).</summary>
    NotHeld,

    /// <summary>Approve a rejected need, or reject an approved one (409).</summary>
    AlreadyModerated,

    /// <summary>The need's personal data was anonymised: it accepts no more events (409).</summary>
    Anonymized,
}
