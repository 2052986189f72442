using System.Runtime.InteropServices;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Reports;

/// <summary>Running counts of one group of the annual report, filled in a single pass over the rows.</summary>
internal sealed class AnnualTally
{
    private readonly HashSet<string> _companies = new(StringComparer.Ordinal);
    private readonly List<int> _firstTakenOnSeconds = [];
    private int _unregisteredCompanies;
    private int _needs;
    private int _transmitted;
    private int _takenOn;
    private int _helped;

    public void Add(NeedStatsRow row)
    {
        // A need without SIRET (a company not registered yet, or a row from before it was recorded) is a company of its own.
        if (row.CompanyKey is { } company)
        {
            _companies.Add(company);
        }
        else
        {
            _unregisteredCompanies++;
        }

        _needs++;
        _transmitted += row.Transmitted ? 1 : 0;
        _takenOn += row.TakenOn ? 1 : 0;
        _helped += row.Helped ? 1 : 0;
        if (row.FirstTakenOnAfter is { } delay)
        {
            _firstTakenOnSeconds.Add(DelayMedian.Seconds(delay));
        }
    }

    public AnnualFigures ToFigures() => new(
        _companies.Count + _unregisteredCompanies,
        _needs,
        _transmitted,
        _takenOn,
        _helped,
        DelayMedian.Days(CollectionsMarshal.AsSpan(_firstTakenOnSeconds)));
}
