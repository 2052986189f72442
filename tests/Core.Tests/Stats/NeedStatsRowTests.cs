using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Stats;

public sealed class NeedStatsRowTests
{
    private static NeedStatsRow Row(NeedState state) => NeedStatsRow.Of(state, "financement", "75")!;

    [Fact]
    public void A_new_need_is_counted_in_its_paris_month_with_its_groups_and_no_outcome_yet()
    {
        var row = Row(Submit("a"));

        Assert.Equal(("need-1", "2026-03", "financement", "75", "10-49", "C"), (row.NeedId, row.Month, row.ThemeId, row.RegionCode, row.SizeKey, row.SectorKey));
        Assert.Equal((true, false, false, false), (row.Transmitted, row.Exchange, row.Helped, row.TakenOnWithin5Days));
    }

    [Theory]
    [InlineData("2026-01-31T22:30:00Z", "2026-01")] // 23:30 in Paris, winter
    [InlineData("2026-01-31T23:30:00Z", "2026-02")] // 00:30 in Paris
    [InlineData("2026-06-30T21:59:00Z", "2026-06")] // 23:59 in Paris, summer
    [InlineData("2026-06-30T22:00:00Z", "2026-07")]
    public void The_month_is_the_paris_one(string submittedAt, string month)
    {
        var state = Accept(null, Submitted("a"), DateTimeOffset.Parse(submittedAt, System.Globalization.CultureInfo.InvariantCulture)).State;

        Assert.Equal(month, Row(state).Month);
    }

    [Fact]
    public void An_unrouted_need_is_not_transmitted_until_an_operator_adds_an_advisor()
    {
        var unrouted = Submit();
        var routed = unrouted.Then(new AdvisorAdded("ops@example.fr", Advisor("a")));

        Assert.False(Row(unrouted).Transmitted);
        Assert.True(Row(routed).Transmitted);
    }

    [Theory]
    [InlineData(MatchStatus.Done, true, true)]
    [InlineData(MatchStatus.DoneNoHelp, true, false)]
    [InlineData(MatchStatus.DoneNotReachable, false, false)]
    public void Exchange_and_help_follow_the_need_status(MatchStatus closed, bool exchange, bool helped)
    {
        var row = Row(Submit("a", "b").Position("a", MatchStatus.TakingCare).Position("a", closed));

        Assert.Equal((exchange, helped), (row.Exchange, row.Helped));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(5 * 24 * 60, true)]
    [InlineData((5 * 24 * 60) + 1, false)]
    public void Taken_on_within_5_days_counts_from_submission_to_the_first_take_on(int minutes, bool quick)
    {
        var state = Submit("a", "b")
            .Position("a", MatchStatus.TakingCare, T0.AddMinutes(minutes))
            .Position("b", MatchStatus.TakingCare, T0.AddDays(20));

        Assert.Equal(quick, Row(state).TakenOnWithin5Days);
    }

    [Fact]
    public void A_take_on_undone_no_longer_counts()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare, T0.AddDays(1)).Position("a", MatchStatus.Quo, T0.AddDays(2));

        Assert.False(Row(state).TakenOnWithin5Days);
    }

    [Fact]
    public void An_abandoned_need_counts_as_transmitted_without_exchange_like_one_refused_by_all()
    {
        var abandoned = Row(Submit("a", "b").Position("b", MatchStatus.NotForMe).Fire(TimerKind.Abandon).State);
        var refused = Row(Submit("a", "b").Position("a", MatchStatus.NotForMe).Position("b", MatchStatus.NotForMe));

        Assert.Equal((true, false, false, false), (abandoned.Transmitted, abandoned.Exchange, abandoned.Helped, abandoned.TakenOnWithin5Days));
        Assert.Equal((refused.Transmitted, refused.Exchange, refused.Helped), (abandoned.Transmitted, abandoned.Exchange, abandoned.Helped));
    }

    [Fact]
    public void A_cancelled_need_is_not_counted() =>
        Assert.Null(NeedStatsRow.Of(Submit("a").Then(new NeedCancelled("ops@example.fr", "Doublon")), "financement", "75"));

    [Theory]
    [InlineData("00", "0-9")]
    [InlineData("03", "0-9")]
    [InlineData("11", "10-49")]
    [InlineData("12", "10-49")]
    [InlineData("21", "50-249")]
    [InlineData("31", "50-249")]
    [InlineData("32", "250+")]
    [InlineData("53", "250+")]
    [InlineData("NN", CompanySizes.Unknown)]
    [InlineData(null, CompanySizes.Unknown)]
    public void Company_sizes_group_the_insee_brackets(string? bracket, string size) =>
        Assert.Equal(size, CompanySizes.KeyOf(bracket));

    [Theory]
    [InlineData("01.11Z", "A")]
    [InlineData("16.23Z", "C")]
    [InlineData("33.20A", "C")]
    [InlineData("35.11Z", "D")]
    [InlineData("4399C", "F")]
    [InlineData("56.10A", "I")]
    [InlineData("62.01Z", "J")]
    [InlineData("99.00Z", "U")]
    [InlineData("04.00Z", ActivitySections.Unknown)] // no such division
    [InlineData("", ActivitySections.Unknown)]
    [InlineData("X1", ActivitySections.Unknown)]
    [InlineData(null, ActivitySections.Unknown)]
    public void Sectors_are_the_naf_sections(string? naf, string section) =>
        Assert.Equal(section, ActivitySections.KeyOf(naf));

    [Fact]
    public void Every_section_and_size_has_a_french_label()
    {
        Assert.Equal("Hébergement et restauration", ActivitySections.Label("I"));
        Assert.Equal("Secteur inconnu", ActivitySections.Label(ActivitySections.Unknown));
        Assert.Equal("10 à 49 salariés", CompanySizes.Label("10-49"));
        Assert.Equal("Effectif inconnu", CompanySizes.Label(CompanySizes.Unknown));
    }
}
