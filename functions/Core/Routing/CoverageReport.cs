namespace ConseillersEntreprises.Core.Routing;

/// <summary>The coverage of one subject over every commune of France (<see cref="SubjectCoverage"/>); JSON of the API.</summary>
/// <param name="CommuneCount">Communes looked at (every current commune).</param>
/// <param name="UncoveredCount">Communes without any competent advisor.</param>
/// <param name="OverlapCount">Communes where at least one institution has several competent advisors.</param>
/// <param name="Departements">Every département, by code, with its own counts and lists.</param>
public sealed record CoverageReport(
    string SubjectId,
    int CommuneCount,
    int UncoveredCount,
    int OverlapCount,
    IReadOnlyList<DepartementCoverage> Departements);

/// <summary>One département of a <see cref="CoverageReport"/>: its communes without advisor, and those with overlaps.</summary>
public sealed record DepartementCoverage(
    string Code,
    string Name,
    int CommuneCount,
    IReadOnlyList<CoverageCommune> Uncovered,
    IReadOnlyList<CoverageOverlap> Overlaps);

/// <summary>A commune by its INSEE code and name.</summary>
public sealed record CoverageCommune(string Code, string Name);

/// <summary>A commune where each of <paramref name="Institutions"/> has several competent advisors.</summary>
public sealed record CoverageOverlap(string Code, string Name, IReadOnlyList<CoverageInstitution> Institutions);

/// <summary>An institution and its advisors competent on the same commune.</summary>
public sealed record CoverageInstitution(string InstitutionId, string InstitutionName, IReadOnlyList<CoverageAdvisor> Advisors);

/// <summary>One competent advisor of a <see cref="CoverageInstitution"/>.</summary>
public sealed record CoverageAdvisor(string AdvisorId, string AdvisorName, string AntennaName);
