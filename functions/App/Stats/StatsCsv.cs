using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.App.Stats;

/// <summary>The monthly series of the public stats as CSV for spreadsheets: semicolon-separated, UTF-8 with BOM, French headers.</summary>
public static class StatsCsv
{
    public static byte[] Monthly(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CsvSheet.Write(report.Monthly.Select(m => new StatsCsvRow
        {
            Month = m.Month,
            Submitted = m.Submitted,
            Transmitted = m.Transmitted,
            Exchange = m.Exchange,
            Helped = m.Helped,
            TakenOnWithin5Days = m.TakenOnWithin5Days,
            TransmittedShare = m.TransmittedShare,
            ExchangeShare = m.ExchangeShare,
            HelpedShare = m.HelpedShare,
            TakenOnWithin5DaysShare = m.TakenOnWithin5DaysShare,
            FromPartners = m.FromPartners,
            MedianDaysToFirstTakeOn = m.MedianDaysToFirstTakeOn,
        }));
    }
}
