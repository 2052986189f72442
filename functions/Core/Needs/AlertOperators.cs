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
}
