namespace ConseillersEntreprises.Core.Routing;

/// <summary>One advisor as the routing index sees it: who, where, and every filter of its three levels.</summary>
public sealed class RoutingCandidate
{
    public RoutingCandidate(int ordinal, RoutedAdvisor advisor, bool active, Coverage coverage, bool specificTerritories, CompiledFilter[] filters)
    {
        Ordinal = ordinal;
        Advisor = advisor;
        Active = active;
        Coverage = coverage;
        HasSpecificTerritories = specificTerritories;
        Filters = filters;
    }

    /// <summary>Position in the directory: results are returned in directory order.</summary>
    public int Ordinal { get; }
    public RoutedAdvisor Advisor { get; }
    public bool Active { get; }
    public Coverage Coverage { get; }
    public bool HasSpecificTerritories { get; }
    /// <summary>Institution filters, then antenna filters, then the advisor's own.</summary>
    public CompiledFilter[] Filters { get; }
}
