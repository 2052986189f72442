namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The one place that knows which of a need's fields hold personal data: the contact (names, email, phone), the
/// description, the comments, the advisors' position comments, the satisfaction comment and the operators' free-text
/// reasons. Only <see cref="NeedState"/> is stored (snapshots, the orchestration's input), so every event's free text
/// lives in one of its fields: a new field of free text (a rejection or reassignment reason…) must be added here, and
/// <c>NeedPersonalDataTests</c> fails until every string of the state is classified either here or as not personal.
/// What stays is what the stats and the operators' follow-up need: dates, statuses, the subject, the company's public
/// registry facts (SIRET, name, commune, NAF, size), the advisors (professionals of the directory).
/// </summary>
public static class NeedPersonalData
{
    /// <summary>What replaces each piece of free text, and what the views show.</summary>
    public const string Redacted = "Données anonymisées";

    /// <summary>
    /// The state with its personal data replaced (<see cref="Redacted"/>; emptied email and phone). Pure and idempotent:
    /// anonymising an anonymised state gives the same state. Everything else (versions, dates, statuses) is left as is.
    /// </summary>
    public static NeedState Anonymize(NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state with
        {
            Description = Redacted,
            Contact = new NeedContact { FirstName = Redacted, LastName = string.Empty, Email = string.Empty, Phone = string.Empty },
            Comments = [.. state.Comments.Select(c => c with { Text = Redacted })],
            Matches = [.. state.Matches.Select(m => m with { PositionComment = m.PositionComment is null ? null : Redacted })],
            Satisfaction = state.Satisfaction is { } satisfaction
                ? satisfaction with { Comment = satisfaction.Comment is null ? null : Redacted }
                : null,
            Cancellation = state.Cancellation is { } cancellation && cancellation.Reason != NeedCancellation.ErasureReason
                ? cancellation with { Reason = Redacted }
                : state.Cancellation,
            Moderation = state.Moderation is { RejectionReason: not null } moderation
                ? moderation with { RejectionReason = Redacted }
                : state.Moderation,
        };
    }
}
