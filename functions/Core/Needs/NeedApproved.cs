using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An operator (<paramref name="Operator"/>: their email) checked a held need and approved it: it goes to the advisors
/// the routing finds for it now (<paramref name="Advisors"/>, possibly none: it then waits in the unrouted basket).
/// </summary>
public sealed record NeedApproved(string Operator, IReadOnlyList<RoutedAdvisor> Advisors) : NeedEvent
{
    public const string TypeName = "need_approved";
}
