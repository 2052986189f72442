namespace ConseillersEntreprises.Core.Stats;

/// <summary>Running counts of one group of needs, filled in a single pass over the rows.</summary>
internal sealed class StatsTally
{
    private int _submitted;
    private int _transmitted;
    private int _exchange;
    private int _helped;
    private int _takenOnWithin5Days;

    public int Submitted => _submitted;

    public void Add(NeedStatsRow row)
    {
        _submitted++;
        _transmitted += row.Transmitted ? 1 : 0;
        _exchange += row.Exchange ? 1 : 0;
        _helped += row.Helped ? 1 : 0;
        _takenOnWithin5Days += row.TakenOnWithin5Days ? 1 : 0;
    }

    public StatsFigures ToFigures() => new(_submitted, _transmitted, _exchange, _helped, _takenOnWithin5Days);
}
