using System.Runtime.InteropServices;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>Running counts of one group of needs, filled in a single pass over the rows.</summary>
internal sealed class StatsTally
{
    private int _submitted;
    private int _transmitted;
    private int _exchange;
    private int _helped;
    private int _takenOnWithin5Days;

    // The delays to the first take-on, for the median (null until a need taken on comes).
    private List<int>? _firstTakenOnSeconds;

    public int Submitted => _submitted;

    public void Add(NeedStatsRow row)
    {
        _submitted++;
        _transmitted += row.Transmitted ? 1 : 0;
        _exchange += row.Exchange ? 1 : 0;
        _helped += row.Helped ? 1 : 0;
        _takenOnWithin5Days += row.TakenOnWithin5Days ? 1 : 0;
        if (row.FirstTakenOnAfter is { } delay)
        {
            (_firstTakenOnSeconds ??= []).Add(DelayMedian.Seconds(delay));
        }
    }

    public StatsFigures ToFigures() => new(_submitted, _transmitted, _exchange, _helped, _takenOnWithin5Days)
    {
        MedianDaysToFirstTakeOn = DelayMedian.Days(CollectionsMarshal.AsSpan(_firstTakenOnSeconds)),
    };
}
