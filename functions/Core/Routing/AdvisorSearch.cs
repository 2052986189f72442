using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// Finding an advisor to add to a need by hand ("Ajouter un conseiller"): every active advisor of the directory, by
/// name, institution, antenna, territory (name or code) or id, the most plausible first: those the routing keeps for
/// the need, then those covering the company's département (competent on the subject first), then the others
/// competent on the subject, then everybody else. Without words, only the plausible ones are proposed.
/// Not on the hot path: one pass over the directory per search (about 2,000 advisors in the demo directory).
/// </summary>
public static class AdvisorSearch
{
    /// <summary>The most proposals one answer holds; the total says how many matched.</summary>
    public const int MaxResults = 20;

    public static AdvisorSearchResult Search(DirectoryDocument directory, TerritoryIndex territories, AdvisorSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentNullException.ThrowIfNull(request);
        var institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var antennas = directory.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var commune = territories.FindCommune(request.CommuneCode);
        var departement = commune?.DepartementCode;
        var words = TerritoryIndex.NormalizeName(request.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rawQuery = request.Query?.Trim() ?? string.Empty;
        var antennaTerritories = new Dictionary<string, TerritoryFacts>(StringComparer.Ordinal);
        var found = new List<(int Rank, int Order, AdvisorCandidate Candidate)>();

        for (var order = 0; order < directory.Advisors.Count; order++)
        {
            var advisor = directory.Advisors[order];
            if (!advisor.Active || request.Excluded.Contains(advisor.Id) ||
                !antennas.TryGetValue(advisor.AntennaId, out var antenna) || !institutions.TryGetValue(antenna.InstitutionId, out var institution))
            {
                continue;
            }

            TerritoryFacts facts;
            if (advisor.Territories is { IsEmpty: false } specific)
            {
                facts = TerritoryFacts.Of(specific, national: false, territories);
            }
            else if (!antennaTerritories.TryGetValue(antenna.Id, out facts!))
            {
                facts = antennaTerritories[antenna.Id] = TerritoryFacts.Of(antenna.Territories ?? new Territories(), antenna.Level == AntennaLevel.National, territories);
            }

            var kept = request.KeptByRouting.Contains(advisor.Id);
            var competent = request.SubjectId is not null
                && advisor.Subjects.Contains(request.SubjectId, StringComparer.Ordinal)
                && institution.Subjects.Contains(request.SubjectId, StringComparer.Ordinal);
            var coversDepartement = departement is not null && facts.Covers(departement, territories);
            var rank = kept ? 0 : coversDepartement && competent ? 1 : coversDepartement ? 2 : competent ? 3 : 4;
            if (words.Length == 0 ? rank > 2 : !Matches(words, rawQuery, advisor, institution, antenna, facts))
            {
                continue;
            }

            found.Add((rank, order, new AdvisorCandidate(
                advisor.Id, advisor.Name, institution.Name, antenna.Name, facts.Summary, kept, coversDepartement, competent)));
        }

        var shown = found.OrderBy(f => f.Rank).ThenBy(f => f.Order).Take(MaxResults).Select(f => f.Candidate).ToList();
        return new AdvisorSearchResult(
            found.Count,
            departement,
            departement is null ? null : territories.DepartementName(departement),
            shown);
    }

    /// <summary>Every word of the query is found in the advisor's name, institution, antenna or territories; or the query is its id.</summary>
    private static bool Matches(string[] words, string rawQuery, Advisor advisor, Institution institution, Antenna antenna, TerritoryFacts facts)
    {
        if (string.Equals(advisor.Id, rawQuery, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var haystack = $" {TerritoryIndex.NormalizeName($"{advisor.Name} {institution.Name} {antenna.Name}")} {facts.SearchText} ";
        return words.All(w => haystack.Contains($" {w}", StringComparison.Ordinal));
    }

    /// <summary>What an advisor covers, said for people and searchable (names and codes).</summary>
    private sealed class TerritoryFacts
    {
        private TerritoryFacts(Territories territories, bool national, string summary, string searchText)
        {
            Territories = territories;
            IsNational = national;
            Summary = summary;
            SearchText = searchText;
        }

        public Territories Territories { get; }
        public bool IsNational { get; }
        public string Summary { get; }
        public string SearchText { get; }

        public static TerritoryFacts Of(Territories territories, bool national, TerritoryIndex index)
        {
            if (national)
            {
                return new TerritoryFacts(territories, true, "Toute la France", "national toute la france");
            }

            var parts = new List<string>();
            parts.AddRange(territories.Regions.Select(r => $"Région {index.RegionName(r.Trim()) ?? r}"));
            parts.AddRange(territories.Departements.Select(d => $"{index.DepartementName(d.Trim()) ?? d} ({d.Trim()})"));
            parts.AddRange(territories.Epcis.Select(e => index.EpciName(e.Trim()) ?? $"EPCI {e}"));
            var communes = territories.Communes.Select(c => index.FindCommune(c)).OfType<Commune>().ToList();
            if (communes.Count is > 0 and <= 3)
            {
                parts.AddRange(communes.Select(c => $"{c.Name} ({c.Code})"));
            }
            else if (communes.Count > 3)
            {
                var departements = communes.Select(c => c.DepartementCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                parts.Add($"{communes.Count} communes ({string.Join(", ", departements.Select(d => index.DepartementName(d) ?? d))})");
            }

            // Codes and names are searchable: "01", "Ain", "Auvergne", "84".
            var search = string.Join(' ', parts.Select(TerritoryIndex.NormalizeName)
                .Concat(territories.Regions.Concat(territories.Departements).Select(c => c.Trim().ToLowerInvariant()))
                .Concat(communes.Select(c => TerritoryIndex.NormalizeName(c.Name))));
            return new TerritoryFacts(territories, false, parts.Count == 0 ? "Aucun territoire" : string.Join(", ", parts), search);
        }

        /// <summary>Whether any of it lies in the département: the whole of it, its région, or one of its EPCIs or communes.</summary>
        public bool Covers(string departement, TerritoryIndex index) =>
            IsNational
            || Territories.Departements.Any(d => string.Equals(d.Trim(), departement, StringComparison.Ordinal))
            || Territories.Regions.Any(r => string.Equals(r.Trim(), index.RegionOfDepartement(departement), StringComparison.Ordinal))
            || Territories.Communes.Any(c => string.Equals(index.FindCommune(c)?.DepartementCode, departement, StringComparison.Ordinal))
            || Territories.Epcis.Any(e => index.CommunesOfEpci(e.Trim()).Any(c => string.Equals(c.DepartementCode, departement, StringComparison.Ordinal)));
    }
}

/// <param name="SubjectId">The need's subject: competence ranks higher; null for a need outside the catalogue (nobody is competent).</param>
/// <param name="CommuneCode">The company's commune (its département ranks higher); null when unknown.</param>
/// <param name="KeptByRouting">The advisors the routing keeps for this subject and commune: first.</param>
/// <param name="Excluded">Advisors already on the need: not proposed.</param>
/// <param name="Query">Words typed by the operator; blank: only the plausible advisors.</param>
public sealed record AdvisorSearchRequest(
    string? SubjectId,
    string? CommuneCode,
    IReadOnlySet<string> KeptByRouting,
    IReadOnlySet<string> Excluded,
    string? Query);

/// <param name="Total">How many advisors matched (at most <see cref="AdvisorSearch.MaxResults"/> are in <paramref name="Candidates"/>).</param>
public sealed record AdvisorSearchResult(int Total, string? DepartementCode, string? DepartementName, IReadOnlyList<AdvisorCandidate> Candidates);

/// <param name="Territory">What it covers, in French ("Lot-et-Garonne (47)", "Toute la France").</param>
/// <param name="KeptByRouting">The routing keeps it for the need's subject and commune.</param>
/// <param name="CoversDepartement">Some of its territory lies in the company's département.</param>
/// <param name="Competent">Competent on the need's subject.</param>
public sealed record AdvisorCandidate(
    string AdvisorId,
    string AdvisorName,
    string Institution,
    string Antenna,
    string Territory,
    bool KeptByRouting,
    bool CoversDepartement,
    bool Competent);
