using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Stats;

public sealed class DelayMedianTests
{
    private const int Day = 86_400;

    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_delay_in_days_with_one_decimal() =>
        Assert.Equal(2.5, DelayMedian.Days(new[] { 10 * Day, Day / 2, (5 * Day) / 2 }));

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_two_middle_delays() =>
        Assert.Equal(1.5, DelayMedian.Days(new[] { 4 * Day, 0, Day, 2 * Day }));

    [Fact]
    public void No_delay_gives_no_median() => Assert.Null(DelayMedian.Days(Span<int>.Empty));

    [Fact]
    public void A_need_taken_on_after_5_days_keeps_its_delay_and_is_not_quick()
    {
        var row = NeedStatsRow.Of(Submit("a", "b").Position("a", MatchStatus.TakingCare, T0.AddDays(5).AddHours(12)), "financement", "75")!;

        Assert.Equal(TimeSpan.FromDays(5.5), row.FirstTakenOnAfter);
        Assert.False(row.TakenOnWithin5Days);
        Assert.True(row.TakenOn);
    }

    [Fact]
    public void A_need_never_taken_on_has_no_delay_and_the_siret_is_its_company_key()
    {
        var state = Submit("a");
        var row = NeedStatsRow.Of(state, "financement", "75")!;

        Assert.Null(row.FirstTakenOnAfter);
        Assert.False(row.TakenOn);
        Assert.Equal(state.Company.Siret, row.CompanyKey);
    }

    [Fact]
    public void The_stats_give_the_median_per_group_and_none_where_nothing_was_taken_on()
    {
        NeedStatsRow Row(string id, string month, double? days, bool quick = false) => new()
        {
            NeedId = id, Month = month, SizeKey = "0-9", SectorKey = "C", RegionCode = "84",
            FirstTakenOnAfter = days is { } d ? TimeSpan.FromDays(d) : null, TakenOnWithin5Days = quick,
        };

        var report = StatsAggregator.Aggregate(
            [Row("n1", "2026-01", 1), Row("n2", "2026-01", 3), Row("n3", "2026-01", 8), Row("n4", "2026-02", null), Row("old", "2026-02", null, quick: true)],
            new StatsQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1)),
            _ => null,
            _ => null);

        Assert.Equal(3.0, report.Totals.MedianDaysToFirstTakeOn); // the old row (taken on, delay unknown) is left out
        Assert.Equal([3.0, null, null], report.Monthly.Select(m => m.MedianDaysToFirstTakeOn));
        Assert.Equal(3.0, Assert.Single(report.BySector).MedianDaysToFirstTakeOn);
    }
}
