using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>An operator (<paramref name="Operator"/>: their email) sent the need to one more advisor.</summary>
public sealed record AdvisorAdded(string Operator, RoutedAdvisor Advisor) : NeedEvent
{
    public const string TypeName = "advisor_added";
}
