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

/// <summary>
/// One département of a <see cref="CoverageReport"/>: its communes without advisor, and its overlaps, each the same
/// advisors of one institution over the communes they share (the same people over a whole département are one entry,
/// not one per commune: the demo directory's answer would weigh 17 MB otherwise).
/// </summary>
/// <param name="OverlapCount">Communes of the département in at least one of <paramref name="Overlaps"/>.</param>
public sealed record DepartementCoverage(
    string Code,
    string Name,
    int CommuneCount,
    IReadOnlyList<CoverageCommune> Uncovered,
    int OverlapCount,
    IReadOnlyList<CoverageOverlap> Overlaps);

/// <summary>A commune by its INSEE code and name.</summary>
public sealed record CoverageCommune(string Code, string Name);

/// <summary>Several competent advisors of one institution, all of them on each of <paramref name="Communes"/> (by code).</summary>
public sealed record CoverageOverlap(string InstitutionId, string InstitutionName, IReadOnlyList<CoverageAdvisor> Advisors, IReadOnlyList<CoverageCommune> Communes);

/// <summary>One competent advisor of a <see cref="CoverageOverlap"/>.</summary>
public sealed record CoverageAdvisor(string AdvisorId, string AdvisorName, string AntennaName);
