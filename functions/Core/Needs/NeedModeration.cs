using ConseillersEntreprises.Core.Moderation;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// A doubtful submission held for the operators (the <c>review</c> basket), and what they decided: the need's history
/// of its check (who, when, why).
/// </summary>
public sealed record NeedModeration
{
    /// <summary>Why it was held, in <see cref="HoldRules.Reasons"/> order.</summary>
    public required IReadOnlyList<HoldReason> Reasons { get; init; }

    public required DateTimeOffset HeldAt { get; init; }

    /// <summary>The operator's email once approved (dispatched then).</summary>
    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>The operator's email once rejected (the need is then closed).</summary>
    public string? RejectedBy { get; init; }

    public DateTimeOffset? RejectedAt { get; init; }

    /// <summary>The operator's reason for the rejection (kept for the team, not sent to the company).</summary>
    public string? RejectionReason { get; init; }

    public bool IsDecided => ApprovedAt is not null || RejectedAt is not null;
}
