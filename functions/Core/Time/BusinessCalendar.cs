namespace ConseillersEntreprises.Core.Time;

/// <summary>
/// French business days and hours, Europe/Paris: Monday to Friday, 09:00–18:00, national public holidays excluded
/// (1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November,
/// 25 December). Alsace-Moselle's extra days (Good Friday, 26 December) are not national and are not excluded.
/// Pure: the instant to place is always an argument.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>Paris wall-clock time business hours start at (inclusive).</summary>
    public static TimeOnly OpensAt { get; } = new(9, 0);

    /// <summary>Paris wall-clock time business hours end at (exclusive).</summary>
    public static TimeOnly ClosesAt { get; } = new(18, 0);

    /// <summary>
    /// The instant a timer due at <paramref name="due"/> is delivered: <paramref name="due"/> itself when
    /// <paramref name="businessHoursOnly"/> is false, otherwise <see cref="NextBusinessMorning"/>.
    /// </summary>
    public static DateTimeOffset Deliver(DateTimeOffset due, bool businessHoursOnly) =>
        businessHoursOnly ? NextBusinessMorning(due) : due;

    /// <summary>
    /// <paramref name="instant"/> itself when it falls within business hours; otherwise 09:00 Paris time of the next
    /// business day (the same day when it is a business day before 09:00). The offset of the result is Paris's on
    /// that day, so daylight-saving changes in between are accounted for.
    /// </summary>
    public static DateTimeOffset NextBusinessMorning(DateTimeOffset instant)
    {
        var local = ParisTime.ToParis(instant).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsBusinessDay(date))
        {
            if (time >= OpensAt && time < ClosesAt)
            {
                return instant;
            }

            if (time < OpensAt)
            {
                return AtParis(date, OpensAt);
            }
        }

        do
        {
            date = date.AddDays(1);
        }
        while (!IsBusinessDay(date));

        return AtParis(date, OpensAt);
    }

    /// <summary>True when <paramref name="instant"/> is a business day between 09:00 and 18:00 Paris time.</summary>
    public static bool IsBusinessHours(DateTimeOffset instant)
    {
        var local = ParisTime.ToParis(instant).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return IsBusinessDay(DateOnly.FromDateTime(local)) && time >= OpensAt && time < ClosesAt;
    }

    /// <summary>Monday to Friday and not a French public holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>True for the eleven French national public holidays.</summary>
    public static bool IsPublicHoliday(DateOnly date)
    {
        switch ((date.Month, date.Day))
        {
            case (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25):
                return true;
        }

        if (date.Year < 1583)
        {
            return false; // Before the Gregorian calendar: no movable feasts computed.
        }

        var daysAfterEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        return daysAfterEaster is 1 or 39 or 50; // Easter Monday, Ascension Thursday, Whit Monday.
    }

    /// <summary>The French public holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            .. new[]
            {
                new DateOnly(year, 1, 1),
                easter.AddDays(1),
                new DateOnly(year, 5, 1),
                new DateOnly(year, 5, 8),
                easter.AddDays(39),
                easter.AddDays(50),
                new DateOnly(year, 7, 14),
                new DateOnly(year, 8, 15),
                new DateOnly(year, 11, 1),
                new DateOnly(year, 11, 11),
                new DateOnly(year, 12, 25),
            }.Order(),
        ];
    }

    /// <summary>Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateTimeOffset AtParis(DateOnly date, TimeOnly time)
    {
        // 09:00 is never inside a daylight-saving gap or overlap in Paris (changes happen at 02:00/03:00).
        var wallClock = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, ParisTime.Zone.GetUtcOffset(wallClock));
    }
}
