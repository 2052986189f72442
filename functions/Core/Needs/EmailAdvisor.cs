namespace ConseillersEntreprises.Core.Needs;

/// <summary>An advisor as a company email names it ("X, of antenna Z of institution Y").</summary>
public sealed record EmailAdvisor(string AdvisorId, string Name, string InstitutionName, string AntennaName)
{
    public static EmailAdvisor Of(NeedMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new(match.AdvisorId, match.AdvisorName, match.InstitutionName, match.AntennaName);
    }
}
