using System.Globalization;
using ConseillersEntreprises.Core.Time;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>Months of the stats, as "yyyy-MM" in Europe/Paris time (a need submitted on 31 Jan 23:30 in Paris is January's).</summary>
public static class StatsMonth
{
    public static string Of(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        return Format(new DateOnly(paris.Year, paris.Month, 1));
    }

    public static string Format(DateOnly firstDay) => firstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Parses "yyyy-MM" (years 2000 to 2999) to the month's first day.</summary>
    public static bool TryParse(string? text, out DateOnly firstDay)
    {
        firstDay = default;
        return text is { Length: 7 }
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay)
            && firstDay.Year is >= 2000 and < 3000;
    }

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<string> Range(DateOnly from, DateOnly to)
    {
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            yield return Format(month);
        }
    }

    /// <summary>How many months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int Count(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
}
