using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// A company submitted a need and it was routed; <paramref name="Advisors"/> may be empty (unrouted). A need outside the
/// catalogue has no <paramref name="SubjectId"/> (its <paramref name="SubjectLabel"/> says so) and no advisor: the
/// operators choose its subject (<see cref="SubjectChosen"/>).
/// </summary>
public sealed record NeedSubmitted(
    string NeedId,
    string? SubjectId,
    string SubjectLabel,
    string Description,
    NeedCompany Company,
    NeedContact Contact,
    IReadOnlyList<RoutedAdvisor> Advisors) : NeedEvent
{
    public const string TypeName = "need_submitted";

    /// <summary>
    /// Why the submission waits for an operator's check (<see cref="Moderation.HoldRules"/>); empty: dispatched at once.
    /// A held need is sent to nobody until approved, whatever <see cref="Advisors"/> holds.
    /// </summary>
    public IReadOnlyList<Moderation.HoldReason> HoldReasons { get; init; } = [];
    /// <summary>The partner whose API key submitted it; null from the public site.</summary>
    public NeedSource? Source { get; init; }
}
