using System.Globalization;
using System.Text;
using ConseillersEntreprises.Core.Stats;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConseillersEntreprises.App.Stats;

/// <summary>The monthly series of the public stats as CSV for spreadsheets: semicolon-separated, UTF-8 with BOM, French headers.</summary>
public static class StatsCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { Delimiter = ";" };

    public static byte[] Monthly(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.WriteRecords(report.Monthly.Select(m => new StatsCsvRow
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

        return buffer.ToArray();
    }
}
