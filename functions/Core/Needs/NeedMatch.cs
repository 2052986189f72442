using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>One advisor notified of a need: its display data, its position and the timestamps of that position.</summary>
public sealed record NeedMatch
{
    public required string AdvisorId { get; init; }

    public required string AdvisorName { get; init; }

    public required string AdvisorEmail { get; init; }

    public required string InstitutionId { get; init; }

    public required string InstitutionName { get; init; }

    public required string AntennaId { get; init; }

    public required string AntennaName { get; init; }

    public MatchStatus Status { get; init; }

    /// <summary>When the need was sent to this advisor (its inbox's "sentAt").</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>Last position change (or the dispatch).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the advisor took the need on; kept while taking_care or done*, cleared by an undo to quo.</summary>
    public DateTimeOffset? TakenOnAt { get; init; }

    /// <summary>
    /// When the match reached its current closed status (done*, not_for_me, expired), or when its need was cancelled
    /// while it was still open (quo or taking_care, kept as the advisor left it); null while open.
    /// </summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The comment given with the current position (e.g. the reason of a refusal).</summary>
    public string? PositionComment { get; init; }

    /// <summary>The company was already told this advisor takes the need on: a later take-on is not news.</summary>
    public bool CompanyToldTakenOn { get; init; }

    /// <summary>Closed unreachable and the company not yet told about the missed call.</summary>
    public bool MissedCallPending { get; init; }

    public static NeedMatch Dispatch(RoutedAdvisor advisor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        return new NeedMatch
        {
            AdvisorId = advisor.AdvisorId,
            AdvisorName = advisor.AdvisorName,
            AdvisorEmail = advisor.Email,
            InstitutionId = advisor.InstitutionId,
            InstitutionName = advisor.InstitutionName,
            AntennaId = advisor.AntennaId,
            AntennaName = advisor.AntennaName,
            Status = MatchStatus.Quo,
            SentAt = at,
            UpdatedAt = at,
        };
    }
}
