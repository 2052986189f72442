namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Whether a need still belongs in a quality basket it was put in. Baskets are filled by the workflow's alerts and
/// never emptied by it: a need routed since, taken on since, or cancelled is no longer the operators' business, so
/// reading a basket keeps only the needs this says yes to.
/// </summary>
public static class OperatorBasketRules
{
    public static bool StillApplies(OperatorBasket basket, NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsCancelled)
        {
            return false;
        }

        return basket switch
        {
            OperatorBasket.Unrouted => state.IsUnrouted && !state.IsHeld,
            OperatorBasket.Review => state.IsHeld,
            OperatorBasket.NoAnswer or OperatorBasket.LastChance => !state.IsUnrouted && !state.IsAbandoned && state.Status == NeedStatus.Quo,
            // Refused by all, and only that: an abandoned need (some match expired) is not refused.
            OperatorBasket.Refused => !state.IsUnrouted && state.Status == NeedStatus.NotForMe,
            OperatorBasket.Abandoned => state.IsAbandoned,
            _ => true,
        };
    }
}
