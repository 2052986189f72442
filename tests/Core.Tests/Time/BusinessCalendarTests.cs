using System.Globalization;
using ConseillersEntreprises.Core.Time;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Core.Tests.Time;

public sealed class BusinessCalendarTests
{
    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2038, 4, 25)]
    public void Easter_sunday_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BusinessCalendar.EasterSunday(year));

    [Fact]
    public void The_eleven_french_public_holidays_of_2026()
    {
        string[] expected =
        [
            "2026-01-01", // Jour de l'an
            "2026-04-06", // Lundi de Pâques
            "2026-05-01", // Fête du travail
            "2026-05-08", // Victoire 1945
            "2026-05-14", // Ascension
            "2026-05-25", // Lundi de Pentecôte
            "2026-07-14", // Fête nationale
            "2026-08-15", // Assomption
            "2026-11-01", // Toussaint
            "2026-11-11", // Armistice
            "2026-12-25", // Noël
        ];

        Assert.Equal(expected, BusinessCalendar.PublicHolidays(2026).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.All(BusinessCalendar.PublicHolidays(2026), d => Assert.True(BusinessCalendar.IsPublicHoliday(d)));
        Assert.Equal(11, Enumerable.Range(0, 365).Count(i => BusinessCalendar.IsPublicHoliday(new DateOnly(2026, 1, 1).AddDays(i))));
    }

    [Theory]
    [InlineData("2026-04-05")] // Easter Sunday itself (a Sunday anyway)
    [InlineData("2026-04-03")] // Good Friday: Alsace-Moselle only
    [InlineData("2026-12-26")] // Saint Stephen: Alsace-Moselle only
    [InlineData("2026-05-24")] // Whit Sunday
    [InlineData("2026-07-13")]
    public void Other_days_are_not_public_holidays(string date) =>
        Assert.False(BusinessCalendar.IsPublicHoliday(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Theory]
    // Within business hours: the instant itself.
    [InlineData("2026-03-04T10:30:00+01:00", "2026-03-04T10:30:00+01:00")]
    [InlineData("2026-03-04T09:00:00+01:00", "2026-03-04T09:00:00+01:00")]
    [InlineData("2026-03-04T17:59:59+01:00", "2026-03-04T17:59:59+01:00")]
    [InlineData("2026-03-04T08:30:00Z", "2026-03-04T08:30:00Z")] // 09:30 Paris (winter)
    [InlineData("2026-07-01T07:30:00Z", "2026-07-01T07:30:00Z")] // 09:30 Paris (summer)
    // Before opening on a business day: 09:00 the same day.
    [InlineData("2026-03-04T07:00:00+01:00", "2026-03-04T09:00:00+01:00")]
    [InlineData("2026-01-05T07:30:00Z", "2026-01-05T09:00:00+01:00")] // 08:30 Paris
    [InlineData("2026-07-01T06:30:00Z", "2026-07-01T09:00:00+02:00")] // 08:30 Paris in summer, 07:30 UTC would be wrong
    // After closing: next business day 09:00.
    [InlineData("2026-03-04T18:00:00+01:00", "2026-03-05T09:00:00+01:00")]
    [InlineData("2026-03-06T19:00:00+01:00", "2026-03-09T09:00:00+01:00")] // Friday evening → Monday
    [InlineData("2026-03-06T18:30:00Z", "2026-03-09T09:00:00+01:00")] // the same given in UTC
    [InlineData("2026-03-07T11:00:00+01:00", "2026-03-09T09:00:00+01:00")] // Saturday
    [InlineData("2026-03-08T23:59:00+01:00", "2026-03-09T09:00:00+01:00")] // Sunday night
    // Public holidays.
    [InlineData("2026-07-13T19:00:00+02:00", "2026-07-15T09:00:00+02:00")] // the eve of 14 July
    [InlineData("2026-07-14T10:00:00+02:00", "2026-07-15T09:00:00+02:00")] // 14 July itself
    [InlineData("2026-04-03T18:30:00+02:00", "2026-04-07T09:00:00+02:00")] // Good Friday evening, weekend, Easter Monday
    [InlineData("2026-05-13T18:30:00+02:00", "2026-05-15T09:00:00+02:00")] // Ascension Thursday
    [InlineData("2026-05-22T19:00:00+02:00", "2026-05-26T09:00:00+02:00")] // Whit Monday
    [InlineData("2026-12-24T19:00:00+01:00", "2026-12-28T09:00:00+01:00")] // Christmas on a Friday, then the weekend
    [InlineData("2026-12-31T18:00:00+01:00", "2027-01-04T09:00:00+01:00")] // New Year's Day on a Friday
    // Daylight-saving changes (29 March and 25 October 2026).
    [InlineData("2026-03-27T19:00:00+01:00", "2026-03-30T09:00:00+02:00")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-30T09:00:00+02:00")] // 03:30 CEST, just after the change
    [InlineData("2026-10-23T19:00:00+02:00", "2026-10-26T09:00:00+01:00")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-26T09:00:00+01:00")] // 02:30 CEST, the hour that repeats
    public void The_next_business_morning(string instant, string expected)
    {
        var result = BusinessCalendar.NextBusinessMorning(At(instant));

        Assert.Equal(At(expected), result);
        Assert.Equal(At(expected).UtcDateTime, result.UtcDateTime);
        if (result != At(instant))
        {
            Assert.Equal(At(expected).Offset, result.Offset); // Paris offset of that day
        }
    }

    [Fact]
    public void Across_the_dst_weekends_the_morning_is_nine_paris_time_not_a_fixed_utc_hour()
    {
        Assert.Equal(new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc), BusinessCalendar.NextBusinessMorning(At("2026-03-27T19:00:00+01:00")).UtcDateTime);
        Assert.Equal(new DateTime(2026, 10, 26, 8, 0, 0, DateTimeKind.Utc), BusinessCalendar.NextBusinessMorning(At("2026-10-23T19:00:00+02:00")).UtcDateTime);
    }

    [Fact]
    public void Deliver_moves_to_business_hours_only_when_asked()
    {
        var friday = At("2026-03-06T19:00:00+01:00");

        Assert.Equal(friday, BusinessCalendar.Deliver(friday, businessHoursOnly: false));
        Assert.Equal(At("2026-03-09T09:00:00+01:00"), BusinessCalendar.Deliver(friday, businessHoursOnly: true));
    }

    [Fact]
    public void Every_quarter_hour_of_two_years_lands_on_the_earliest_business_instant()
    {
        var time = new FakeTimeProvider(At("2026-01-01T00:00:00Z"));
        var end = At("2028-01-01T00:00:00Z");
        var nineOClock = new TimeOnly(9, 0);

        while (time.GetUtcNow() < end)
        {
            var instant = time.GetUtcNow();
            var result = BusinessCalendar.NextBusinessMorning(instant);

            Assert.True(result >= instant);
            Assert.True(BusinessCalendar.IsBusinessHours(result), $"{instant:o} → {result:o}");
            Assert.Equal(result, BusinessCalendar.NextBusinessMorning(result));
            if (result != instant)
            {
                Assert.False(BusinessCalendar.IsBusinessHours(instant));
                Assert.Equal(nineOClock, TimeOnly.FromDateTime(ParisTime.ToParis(result).DateTime));
                Assert.False(BusinessCalendar.IsBusinessHours(result.AddMinutes(-1))); // nothing earlier would do
            }

            time.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00+01:00", true)]
    [InlineData("2026-03-02T08:59:59+01:00", false)]
    [InlineData("2026-03-02T18:00:00+01:00", false)]
    [InlineData("2026-05-01T10:00:00+02:00", false)]
    [InlineData("2026-03-07T10:00:00+01:00", false)]
    public void Business_hours_are_nine_to_six_on_business_days(string instant, bool expected) =>
        Assert.Equal(expected, BusinessCalendar.IsBusinessHours(At(instant)));
}
