using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// Where a subject is covered, commune by commune, for operators: the communes where no active advisor is competent
/// (a need there goes to nobody), and those where one institution has several competent advisors (each of them gets
/// every need), grouped by département. Territorial competence only (<see cref="RoutingIndex.CompetentCovering"/>):
/// filters on company facts are left aside, a filter's excluded communes count.
/// </summary>
public static class SubjectCoverage
{
    public static CoverageReport Compute(RoutingIndex routing, TerritoryIndex territories, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(subjectId);
        var found = new List<RoutingCandidate>();
        var departements = new List<DepartementCoverage>();
        foreach (var departement in territories.Communes.GroupBy(c => c.DepartementCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var uncovered = new List<CoverageCommune>();
            var overlaps = new List<CoverageOverlap>();
            var communes = 0;
            foreach (var commune in departement.OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                communes++;
                routing.CompetentCovering(subjectId, commune, found);
                if (found.Count == 0)
                {
                    uncovered.Add(new CoverageCommune(commune.Code, commune.Name));
                    continue;
                }

                var crowded = found
                    .GroupBy(c => c.Advisor.InstitutionId, StringComparer.Ordinal)
                    .Where(g => g.Count() > 1)
                    .Select(g => new CoverageInstitution(
                        g.Key,
                        g.First().Advisor.InstitutionName,
                        [.. g.Select(c => new CoverageAdvisor(c.Advisor.AdvisorId, c.Advisor.AdvisorName, c.Advisor.AntennaName))]))
                    .ToList();
                if (crowded.Count > 0)
                {
                    overlaps.Add(new CoverageOverlap(commune.Code, commune.Name, crowded));
                }
            }

            departements.Add(new DepartementCoverage(
                departement.Key,
                territories.DepartementName(departement.Key) ?? departement.Key,
                communes,
                uncovered,
                overlaps));
        }

        return new CoverageReport(
            subjectId,
            departements.Sum(d => d.CommuneCount),
            departements.Sum(d => d.Uncovered.Count),
            departements.Sum(d => d.Overlaps.Count),
            departements);
    }
}
