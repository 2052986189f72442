using System.Globalization;
using ConseillersEntreprises.Core.Time;

namespace ConseillersEntreprises.Core.Managers;

/// <summary>
/// When the managers' weekly digest goes out: Monday from 8:00, Paris time. A UTC NCRONTAB cannot say it (8:00 in
/// Paris is 7:00 UTC in winter, 6:00 in summer), so the timer runs every hour and asks this. A run missed at 8:00
/// (host down, deployment) is made up later the same Monday, never on another day: a digest on Thursday would be
/// stale news. The ISO week of the Paris date names the run, so one week's digest is sent once however many runs.
/// </summary>
public static class ManagerDigestSchedule
{
    public const int Hour = 8;

    /// <summary>True on Monday from 8:00 to midnight, Paris time.</summary>
    public static bool IsDue(DateTimeOffset now)
    {
        var paris = ParisTime.ToParis(now);
        return paris.DayOfWeek == DayOfWeek.Monday && paris.Hour >= Hour;
    }

    /// <summary>The ISO week of the Paris date, "2026-W10": the idempotency key of a week's digests.</summary>
    public static string WeekOf(DateTimeOffset now)
    {
        var day = ParisTime.ToParis(now).DateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }
}
