using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Reports;

/// <summary>
/// Who is on the platform, counted in the current directory: it keeps no history, so these are the counts on
/// <see cref="CountedOn"/> (the report's date), not the year's. Advisors who left (inactive) are not counted.
/// </summary>
public sealed record AnnualDirectoryCounts(DateOnly CountedOn, int Institutions, int Antennas, int Advisors)
{
    public static AnnualDirectoryCounts Of(DirectoryDocument? directory, DateOnly countedOn) => directory is null
        ? new(countedOn, 0, 0, 0)
        : new(countedOn, directory.Institutions.Count, directory.Antennas.Count, directory.Advisors.Count(a => a.Active));
}
