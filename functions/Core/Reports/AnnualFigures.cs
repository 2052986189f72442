namespace ConseillersEntreprises.Core.Reports;

/// <summary>
/// The annual report's figures of a set of needs: distinct companies, needs, and those transmitted, taken on (at least
/// one take-on) and closed with help, with their shares over the needs (3 decimals, null when there is none) and the
/// median delay to the first take-on (days, 1 decimal, null when no need was taken on).
/// </summary>
public sealed record AnnualFigures(int Companies, int Needs, int Transmitted, int TakenOn, int Helped, double? MedianDaysToFirstTakeOn)
{
    public static AnnualFigures None { get; } = new(0, 0, 0, 0, 0, null);

    public double? TransmittedShare => Share(Transmitted);

    public double? TakenOnShare => Share(TakenOn);

    public double? HelpedShare => Share(Helped);

    private double? Share(int count) => Needs == 0 ? null : Math.Round((double)count / Needs, 3, MidpointRounding.AwayFromZero);
}
