namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Put the need in an operators' basket and alert them (French <see cref="Reason"/>). <see cref="AdvisorIds"/> lists
/// the advisors concerned (those still without an answer) so that the app can also alert their antenna managers.
/// </summary>
public sealed record AlertOperators(
    string EffectId,
    string NeedId,
    OperatorBasket Basket,
    string Reason) : NeedEffect(EffectId, NeedId)
{
    public const string TypeName = "alert_operators";

    public IReadOnlyList<string> AdvisorIds { get; init; } = [];

    /// <summary>
    /// False: the basket only, no email. The review basket is read by the team every day; one email per held
    /// submission would let a burst of robot posts flood its mailbox and spend the email budget the advisors' need.
    /// </summary>
    public bool EmailOperators { get; init; } = true;
}
