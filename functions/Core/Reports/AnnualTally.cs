using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Reports;

/// <summary>
/// Running counts of one group of the annual report, filled in a single pass over the rows: the public stats' tally
/// (needs, transmitted, helped, the median delay), plus what only the report counts: distinct companies, and the needs
/// taken on at all (not only within 5 days).
/// </summary>
internal sealed class AnnualTally
{
    private readonly StatsTally _needs = new();
    private readonly HashSet<string> _companies = new(StringComparer.Ordinal);
    private int _unregisteredCompanies;
    private int _takenOn;

    public void Add(NeedStatsRow row)
    {
        _needs.Add(row);
        _takenOn += row.TakenOn ? 1 : 0;

        // A need without SIRET (a company not registered yet, or a row from before it was recorded) is a company of its own.
        if (row.CompanyKey is { } company)
        {
            _companies.Add(company);
        }
        else
        {
            _unregisteredCompanies++;
        }
    }

    public AnnualFigures ToFigures()
    {
        var needs = _needs.ToFigures();
        return new(_companies.Count + _unregisteredCompanies, needs.Submitted, needs.Transmitted, _takenOn, needs.Helped, needs.MedianDaysToFirstTakeOn);
    }
}
