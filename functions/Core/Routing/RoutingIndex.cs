using System.Buffers;
using System.Collections.Frozen;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// The directory compiled for routing. Routing a need = every ACTIVE advisor that covers the company's commune,
/// is competent on the subject, and passes every filter that applies (PRODUCT.md). No ranking, no cap.
/// Immutable once built: the app swaps a whole new index when the directory changes.
/// Lookups go subject → territory code → candidates, so a need only looks at advisors of its own territories.
/// </summary>
public sealed class RoutingIndex
{
    private readonly TerritoryIndex _territories;
    private readonly FrozenDictionary<string, SubjectRoutes> _bySubject;
    private readonly int _candidateCount;

    private RoutingIndex(TerritoryIndex territories, FrozenDictionary<string, SubjectRoutes> bySubject, int candidateCount, string version)
    {
        _territories = territories;
        _bySubject = bySubject;
        _candidateCount = candidateCount;
        Version = version;
    }

    /// <summary>The directory version this index was built from.</summary>
    public string Version { get; }

    public static RoutingIndex Build(DirectoryDocument directory, TerritoryIndex territories, string version = "")
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(territories);
        var institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var antennas = directory.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var antennaCoverage = new Dictionary<string, Coverage>(StringComparer.Ordinal);
        var builders = new Dictionary<string, SubjectRoutesBuilder>(StringComparer.Ordinal);
        var ordinal = 0;

        foreach (var advisor in directory.Advisors)
        {
            if (!antennas.TryGetValue(advisor.AntennaId, out var antenna) ||
                !institutions.TryGetValue(antenna.InstitutionId, out var institution))
            {
                continue; // Dangling references are refused by DirectoryValidator before a directory is stored.
            }

            if (!antennaCoverage.TryGetValue(antenna.Id, out var coverage))
            {
                coverage = antenna.Level == AntennaLevel.National ? Coverage.National : Coverage.From(antenna.Territories, territories);
                antennaCoverage[antenna.Id] = coverage;
            }

            var specific = advisor.Territories is { IsEmpty: false };
            if (specific)
            {
                coverage = Coverage.From(advisor.Territories!, territories);
            }

            CompiledFilter[] filters =
            [
                .. institution.Filters.Select(f => new CompiledFilter(f, $"l'institution {institution.Name}", territories)),
                .. antenna.Filters.Select(f => new CompiledFilter(f, $"l'antenne {antenna.Name}", territories)),
                .. advisor.Filters.Select(f => new CompiledFilter(f, $"le conseiller {advisor.Name}", territories)),
            ];
            var candidate = new RoutingCandidate(
                ordinal++,
                new RoutedAdvisor(advisor.Id, advisor.Name, advisor.Email, institution.Id, institution.Name, antenna.Id, antenna.Name),
                advisor.Active,
                coverage,
                specific,
                filters);

            // Competence: the advisor's subjects, within its institution's catalogue.
            foreach (var subjectId in advisor.Subjects.Where(institution.Subjects.Contains).Distinct(StringComparer.Ordinal))
            {
                if (!builders.TryGetValue(subjectId, out var builder))
                {
                    builders[subjectId] = builder = new SubjectRoutesBuilder();
                }

                builder.Add(candidate);
            }
        }

        return new RoutingIndex(
            territories,
            builders.ToFrozenDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal),
            ordinal,
            version);
    }

    /// <summary>The advisors a need goes to, in directory order. Empty when the commune is blank or unknown.</summary>
    public RoutedAdvisor[] Route(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_bySubject.TryGetValue(request.SubjectId, out var routes) ||
            _territories.FindCommune(request.CommuneCode) is not { } commune)
        {
            return [];
        }

        // Candidates may be listed under several keys (a commune and its département): a bitset removes repeats.
        var words = (_candidateCount + 63) / 64;
        var rentedSeen = words > 256 ? ArrayPool<ulong>.Shared.Rent(words) : null;
        var seen = rentedSeen is null ? stackalloc ulong[words] : rentedSeen.AsSpan(0, words);
        seen.Clear();
        var kept = ArrayPool<RoutingCandidate>.Shared.Rent(64);
        var count = 0;
        try
        {
            Collect(routes.National, commune, request, seen, ref kept, ref count);
            Collect(routes.ByCommune.GetValueOrDefault(commune.Code), commune, request, seen, ref kept, ref count);
            if (commune.EpciCode is not null)
            {
                Collect(routes.ByEpci.GetValueOrDefault(commune.EpciCode), commune, request, seen, ref kept, ref count);
            }

            Collect(routes.ByDepartement.GetValueOrDefault(commune.DepartementCode), commune, request, seen, ref kept, ref count);
            Collect(routes.ByRegion.GetValueOrDefault(commune.RegionCode), commune, request, seen, ref kept, ref count);

            Array.Sort(kept, 0, count, CandidateOrder.Instance);
            var result = new RoutedAdvisor[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = kept[i].Advisor;
            }

            return result;
        }
        finally
        {
            ArrayPool<RoutingCandidate>.Shared.Return(kept, clearArray: true);
            if (rentedSeen is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedSeen);
            }
        }
    }

    /// <summary>
    /// For every advisor competent on the subject (active or not), whether it is kept and, if not, the first rule
    /// that left it out. Not on the hot path: it allocates freely for readable reasons.
    /// </summary>
    public RoutingExplanation Explain(RoutingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var kept = new List<RoutedAdvisor>();
        var leftOut = new List<LeftOutAdvisor>();
        if (!_bySubject.TryGetValue(request.SubjectId, out var routes))
        {
            return new RoutingExplanation(request.SubjectId, request.CommuneCode, kept, leftOut);
        }

        var commune = _territories.FindCommune(request.CommuneCode);
        foreach (var candidate in routes.All)
        {
            var advisor = candidate.Advisor;
            LeftOutAdvisor LeftOut(string rule, string reason) =>
                new(advisor.AdvisorId, advisor.AdvisorName, rule, reason) { InstitutionName = advisor.InstitutionName, AntennaName = advisor.AntennaName };

            if (!candidate.Active)
            {
                leftOut.Add(LeftOut(LeftOutRules.Inactive, "Conseiller inactif"));
            }
            else if (commune is null)
            {
                leftOut.Add(LeftOut(LeftOutRules.Commune,
                    string.IsNullOrWhiteSpace(request.CommuneCode)
                        ? "Commune de l'entreprise inconnue : le besoin ne peut être orienté que par l'équipe"
                        : $"Code commune « {request.CommuneCode.Trim()} » inconnu"));
            }
            else if (!candidate.Coverage.Covers(commune))
            {
                var where = $"{commune.Name} ({commune.Code})";
                leftOut.Add(LeftOut(LeftOutRules.Territory, candidate.HasSpecificTerritories
                    ? $"Territoire : les territoires spécifiques du conseiller ne couvrent pas {where}"
                    : $"Territoire : l'antenne {advisor.AntennaName} ne couvre pas {where}"));
            }
            else if (FirstFailedFilter(candidate, commune.Code, request) is { } failed)
            {
                leftOut.Add(LeftOut(LeftOutRules.Filter, failed.Filter.Describe(failed.Check, commune.Code, request.Company, request.Today)));
            }
            else
            {
                kept.Add(advisor);
            }
        }

        return new RoutingExplanation(request.SubjectId, commune?.Code ?? request.CommuneCode, kept, leftOut);
    }

    /// <summary>
    /// The active advisors competent on <paramref name="subjectId"/> whose territories cover <paramref name="commune"/>,
    /// whatever the company, in directory order, into <paramref name="found"/> (cleared first). Filters on company facts
    /// (age, headcount, NAF, legal form) are left aside, since some company passes them; a filter's excluded communes
    /// are a territory rule and count. For the coverage of a subject (<see cref="SubjectCoverage"/>), which calls it for
    /// every commune of France: <paramref name="seen"/> is the caller's, reused (cleared here).
    /// </summary>
    public void CompetentCovering(string subjectId, Commune commune, List<RoutingCandidate> found, HashSet<int> seen)
    {
        ArgumentNullException.ThrowIfNull(commune);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(seen);
        found.Clear();
        seen.Clear();
        if (!_bySubject.TryGetValue(subjectId, out var routes))
        {
            return;
        }

        // National candidates are listed under no territory code: no repeats among them, nor with the others.
        foreach (var candidate in routes.National)
        {
            if (!ExcludesCommune(candidate, subjectId, commune.Code))
            {
                found.Add(candidate);
            }
        }

        void AddLocal(RoutingCandidate[]? candidates)
        {
            foreach (var candidate in candidates ?? [])
            {
                // A candidate may be listed under its commune and its département: once.
                if (seen.Add(candidate.Ordinal) && !ExcludesCommune(candidate, subjectId, commune.Code))
                {
                    found.Add(candidate);
                }
            }
        }

        AddLocal(routes.ByCommune.GetValueOrDefault(commune.Code));
        if (commune.EpciCode is not null)
        {
            AddLocal(routes.ByEpci.GetValueOrDefault(commune.EpciCode));
        }

        AddLocal(routes.ByDepartement.GetValueOrDefault(commune.DepartementCode));
        AddLocal(routes.ByRegion.GetValueOrDefault(commune.RegionCode));
        found.Sort((x, y) => x.Ordinal.CompareTo(y.Ordinal));
    }

    private static bool ExcludesCommune(RoutingCandidate candidate, string subjectId, string communeCode)
    {
        foreach (var filter in candidate.Filters)
        {
            if (filter.AppliesTo(subjectId) && filter.ExcludesCommune(communeCode))
            {
                return true;
            }
        }

        return false;
    }

    private static void Collect(RoutingCandidate[]? candidates, Commune commune, RoutingRequest request, Span<ulong> seen, ref RoutingCandidate[] kept, ref int count)
    {
        if (candidates is null)
        {
            return;
        }

        foreach (var candidate in candidates)
        {
            ref var word = ref seen[candidate.Ordinal >> 6];
            var bit = 1UL << (candidate.Ordinal & 63);
            if ((word & bit) != 0)
            {
                continue;
            }

            word |= bit;
            if (FirstFailedFilter(candidate, commune.Code, request) is not null)
            {
                continue;
            }

            if (count == kept.Length)
            {
                var larger = ArrayPool<RoutingCandidate>.Shared.Rent(kept.Length * 2);
                Array.Copy(kept, larger, count);
                ArrayPool<RoutingCandidate>.Shared.Return(kept, clearArray: true);
                kept = larger;
            }

            kept[count++] = candidate;
        }
    }

    private static (CompiledFilter Filter, FilterCheck Check)? FirstFailedFilter(RoutingCandidate candidate, string communeCode, RoutingRequest request)
    {
        foreach (var filter in candidate.Filters)
        {
            if (!filter.AppliesTo(request.SubjectId))
            {
                continue;
            }

            var check = filter.Check(communeCode, request.Company, request.Today);
            if (check != FilterCheck.Pass)
            {
                return (filter, check);
            }
        }

        return null;
    }

    private sealed class CandidateOrder : IComparer<RoutingCandidate>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare(RoutingCandidate? x, RoutingCandidate? y) => (x?.Ordinal ?? -1).CompareTo(y?.Ordinal ?? -1);
    }

    private sealed record SubjectRoutes(
        RoutingCandidate[] All,
        RoutingCandidate[] National,
        FrozenDictionary<string, RoutingCandidate[]> ByCommune,
        FrozenDictionary<string, RoutingCandidate[]> ByEpci,
        FrozenDictionary<string, RoutingCandidate[]> ByDepartement,
        FrozenDictionary<string, RoutingCandidate[]> ByRegion);

    private sealed class SubjectRoutesBuilder
    {
        private readonly List<RoutingCandidate> _all = [];
        private readonly List<RoutingCandidate> _national = [];
        private readonly Dictionary<string, List<RoutingCandidate>> _byCommune = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<RoutingCandidate>> _byEpci = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<RoutingCandidate>> _byDepartement = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<RoutingCandidate>> _byRegion = new(StringComparer.Ordinal);

        public void Add(RoutingCandidate candidate)
        {
            _all.Add(candidate);
            if (!candidate.Active)
            {
                return;
            }

            var coverage = candidate.Coverage;
            if (coverage.IsNational)
            {
                _national.Add(candidate);
                return;
            }

            AddAll(_byCommune, coverage.Communes, candidate);
            AddAll(_byEpci, coverage.Epcis, candidate);
            AddAll(_byDepartement, coverage.Departements, candidate);
            AddAll(_byRegion, coverage.Regions, candidate);
        }

        public SubjectRoutes Build() => new(
            [.. _all],
            [.. _national],
            Freeze(_byCommune),
            Freeze(_byEpci),
            Freeze(_byDepartement),
            Freeze(_byRegion));

        private static void AddAll(Dictionary<string, List<RoutingCandidate>> map, IReadOnlySet<string> codes, RoutingCandidate candidate)
        {
            foreach (var code in codes)
            {
                if (!map.TryGetValue(code, out var list))
                {
                    map[code] = list = [];
                }

                list.Add(candidate);
            }
        }

        private static FrozenDictionary<string, RoutingCandidate[]> Freeze(Dictionary<string, List<RoutingCandidate>> map) =>
            map.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
