using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An operator (<paramref name="Operator"/>: their email) gave the need of an advisor who leaves
/// (<paramref name="FromAdvisorId"/>) to a colleague (<paramref name="To"/>): the colleague takes the leaving advisor's
/// place on the need, as a fresh dispatch, and the need's history says who from, who to and by whom.
/// </summary>
public sealed record NeedReassigned(string Operator, string FromAdvisorId, RoutedAdvisor To) : NeedEvent
{
    public const string TypeName = "need_reassigned";
}
