using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>A company submitted a need and it was routed; <paramref name="Advisors"/> may be empty (unrouted).</summary>
public sealed record NeedSubmitted(
    string NeedId,
    string SubjectId,
    string SubjectLabel,
    string Description,
    NeedCompany Company,
    NeedContact Contact,
    IReadOnlyList<RoutedAdvisor> Advisors) : NeedEvent
{
    public const string TypeName = "need_submitted";
}
