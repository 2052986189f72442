using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An operator (<paramref name="Operator"/>: their email) chose the subject of a need that no advisor has received (one
/// outside the catalogue, or one the routing found nobody for), and the need goes to the advisors the routing finds for
/// it (<paramref name="Advisors"/>, possibly none).
/// </summary>
public sealed record SubjectChosen(string Operator, string SubjectId, string SubjectLabel, IReadOnlyList<RoutedAdvisor> Advisors) : NeedEvent
{
    public const string TypeName = "subject_chosen";
}
