namespace ConseillersEntreprises.Core.Stats;

/// <summary>The PRODUCT.md figures of a set of needs: counts, and shares over the needs submitted (null when there is none).</summary>
public record StatsFigures
{
    public StatsFigures(int submitted, int transmitted, int exchange, int helped, int takenOnWithin5Days)
    {
        Submitted = submitted;
        Transmitted = transmitted;
        Exchange = exchange;
        Helped = helped;
        TakenOnWithin5Days = takenOnWithin5Days;
    }

    public int Submitted { get; }

    public int Transmitted { get; }

    public int Exchange { get; }

    public int Helped { get; }

    public int TakenOnWithin5Days { get; }

    /// <summary>
    /// The median delay from submission to the first take-on of the needs taken on, in days with one decimal; null when
    /// none was (needs whose rows predate the delay are left out of it).
    /// </summary>
    public double? MedianDaysToFirstTakeOn { get; init; }

    public double? TransmittedShare => Share(Transmitted);

    public double? ExchangeShare => Share(Exchange);

    public double? HelpedShare => Share(Helped);

    public double? TakenOnWithin5DaysShare => Share(TakenOnWithin5Days);

    private double? Share(int count) => Submitted == 0 ? null : Math.Round((double)count / Submitted, 3, MidpointRounding.AwayFromZero);
}
