using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// Where a subject is covered, commune by commune, for operators: the communes where no active advisor is competent
/// (a need there goes to nobody), and those where one institution has several competent advisors (each of them gets
/// every need), grouped by département, the communes sharing the same advisors of one institution together.
/// Territorial competence only (<see cref="RoutingIndex.CompetentCovering"/>): filters on company facts are left
/// aside, a filter's excluded communes count.
/// </summary>
public static class SubjectCoverage
{
    public static CoverageReport Compute(RoutingIndex routing, TerritoryIndex territories, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(subjectId);
        var found = new List<RoutingCandidate>();
        var seen = new HashSet<int>();
        var perInstitution = new Dictionary<string, List<RoutingCandidate>>(StringComparer.Ordinal);
        var departements = new List<DepartementCoverage>();
        foreach (var departement in territories.Communes.GroupBy(c => c.DepartementCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var uncovered = new List<CoverageCommune>();
            // Key: the institution and its advisors' ordinals, in directory order.
            var overlaps = new Dictionary<string, (List<RoutingCandidate> Advisors, List<CoverageCommune> Communes)>(StringComparer.Ordinal);
            var communes = 0;
            var overlapping = 0;
            foreach (var commune in departement.OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                communes++;
                routing.CompetentCovering(subjectId, commune, found, seen);
                if (found.Count == 0)
                {
                    uncovered.Add(new CoverageCommune(commune.Code, commune.Name));
                    continue;
                }

                foreach (var list in perInstitution.Values)
                {
                    list.Clear();
                }

                foreach (var candidate in found)
                {
                    if (!perInstitution.TryGetValue(candidate.Advisor.InstitutionId, out var list))
                    {
                        perInstitution[candidate.Advisor.InstitutionId] = list = [];
                    }

                    list.Add(candidate);
                }

                var counted = false;
                foreach (var (institutionId, advisors) in perInstitution)
                {
                    if (advisors.Count < 2)
                    {
                        continue;
                    }

                    var key = $"{institutionId}|{string.Join(',', advisors.Select(a => a.Ordinal))}";
                    if (!overlaps.TryGetValue(key, out var overlap))
                    {
                        overlaps[key] = overlap = ([.. advisors], []);
                    }

                    overlap.Communes.Add(new CoverageCommune(commune.Code, commune.Name));
                    if (!counted)
                    {
                        overlapping++;
                        counted = true;
                    }
                }
            }

            departements.Add(new DepartementCoverage(
                departement.Key,
                territories.DepartementName(departement.Key) ?? departement.Key,
                communes,
                uncovered,
                overlapping,
                [.. overlaps.Values
                    .OrderBy(o => o.Advisors[0].Advisor.InstitutionName, StringComparer.Ordinal)
                    .ThenBy(o => o.Communes[0].Code, StringComparer.Ordinal)
                    .Select(o => new CoverageOverlap(
                        o.Advisors[0].Advisor.InstitutionId,
                        o.Advisors[0].Advisor.InstitutionName,
                        [.. o.Advisors.Select(c => new CoverageAdvisor(c.Advisor.AdvisorId, c.Advisor.AdvisorName, c.Advisor.AntennaName))],
                        o.Communes))]));
        }

        return new CoverageReport(
            subjectId,
            departements.Sum(d => d.CommuneCount),
            departements.Sum(d => d.Uncovered.Count),
            departements.Sum(d => d.OverlapCount),
            departements);
    }
}
