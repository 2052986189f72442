using ConseillersEntreprises.Core.Managers;

namespace ConseillersEntreprises.Core.Tests.Managers;

public sealed class ManagerDigestScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 5) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Winter (UTC+1): Monday 8:00 Paris is 7:00 UTC.
    [InlineData(2026, 3, 23, 6, false)]
    [InlineData(2026, 3, 23, 7, true)]
    // The week after the switch to summer time (Sunday 29 March 2026, UTC+2): Monday 8:00 Paris is 6:00 UTC.
    [InlineData(2026, 3, 30, 5, false)]
    [InlineData(2026, 3, 30, 6, true)]
    // The week after the switch back (Sunday 25 October 2026, UTC+1 again): 7:00 UTC.
    [InlineData(2026, 10, 26, 6, false)]
    [InlineData(2026, 10, 26, 7, true)]
    // A missed hour is made up later the same Monday, never on Tuesday; Sunday 23:00 UTC in summer is already Monday 1:00 in Paris.
    [InlineData(2026, 3, 30, 21, true)]
    [InlineData(2026, 3, 30, 22, false)]
    [InlineData(2026, 3, 29, 23, false)]
    public void Is_due_on_Monday_from_8_Paris_time_whatever_the_season(int year, int month, int day, int hourUtc, bool due)
    {
        Assert.Equal(due, ManagerDigestSchedule.IsDue(Utc(year, month, day, hourUtc)));
    }

    [Fact]
    public void Every_hour_of_a_Monday_names_the_same_ISO_week_and_the_next_Monday_the_next()
    {
        var weeks = Enumerable.Range(6, 16).Select(h => ManagerDigestSchedule.WeekOf(Utc(2026, 3, 30, h))).Distinct().ToList();

        Assert.Equal(["2026-W14"], weeks);
        Assert.Equal("2026-W15", ManagerDigestSchedule.WeekOf(Utc(2026, 4, 6, 6)));
    }

    [Fact]
    public void The_ISO_week_follows_the_Paris_date_across_the_new_year()
    {
        // Monday 28 December 2026 is in week 53 of 2026; Monday 4 January 2027 in week 1 of 2027.
        Assert.Equal("2026-W53", ManagerDigestSchedule.WeekOf(Utc(2026, 12, 28, 7)));
        Assert.Equal("2027-W01", ManagerDigestSchedule.WeekOf(Utc(2027, 1, 4, 7)));
        // Sunday 3 January 2027, 23:30 UTC is Monday 0:30 in Paris: already week 1.
        Assert.Equal("2027-W01", ManagerDigestSchedule.WeekOf(Utc(2027, 1, 3, 23, 30)));
    }
}
