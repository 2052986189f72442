using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Stats;

public sealed class PartnerStatsRowsTests
{
    /// <summary>Advisors a and b of one institution (inst-a) in two antennas (ant-a, ant-b); c of another (inst-c, ant-c).</summary>
    private static NeedState SubmitToTwoInstitutions() => Submit("a", "b", "c") is var state
        ? state with { Matches = [.. state.Matches.Select(m => m.AdvisorId == "b" ? m with { InstitutionId = "inst-a", InstitutionName = "Institution A" } : m)] }
        : throw new InvalidOperationException();

    private static IReadOnlyList<ScopedStatsRow> Rows(NeedState state) => PartnerStatsRows.Of(state, "financement", "75");

    private static NeedStatsRow Institution(NeedState state, string id) => Assert.Single(Rows(state), r => r.Scope == StatsScope.Institution(id)).Row;

    private static NeedStatsRow Antenna(NeedState state, string id) => Assert.Single(Rows(state), r => r.Scope == StatsScope.Antenna(id)).Row;

    private static (bool Transmitted, bool Exchange, bool Helped, bool TakenOnWithin5Days) Outcome(NeedStatsRow row) =>
        (row.Transmitted, row.Exchange, row.Helped, row.TakenOnWithin5Days);

    [Fact]
    public void A_need_gives_one_row_per_institution_and_per_antenna_it_was_sent_to_with_the_public_rows_facts()
    {
        var state = SubmitToTwoInstitutions();

        var rows = Rows(state);

        Assert.Equal(["institution:inst-a", "institution:inst-c", "antenna:ant-a", "antenna:ant-b", "antenna:ant-c"], rows.Select(r => r.Scope.Key));
        var publicRow = NeedStatsRow.Of(state, "financement", "75")!;
        Assert.All(rows, r => Assert.Equal(
            (publicRow.NeedId, publicRow.Month, publicRow.ThemeId, publicRow.RegionCode, publicRow.SizeKey, publicRow.SectorKey, publicRow.SourceKey),
            (r.Row.NeedId, r.Row.Month, r.Row.ThemeId, r.Row.RegionCode, r.Row.SizeKey, r.Row.SectorKey, r.Row.SourceKey)));
        Assert.All(rows, r => Assert.Equal((true, false, false, false), Outcome(r.Row)));
    }

    [Fact]
    public void Help_proposed_by_one_institution_is_its_own_and_not_the_one_that_refused()
    {
        var state = SubmitToTwoInstitutions()
            .Position("c", MatchStatus.TakingCare, T0.AddDays(1))
            .Position("c", MatchStatus.Done, T0.AddDays(3))
            .Position("a", MatchStatus.NotForMe)
            .Position("b", MatchStatus.NotForMe);

        Assert.Equal((true, true, true, true), Outcome(Institution(state, "inst-c")));
        Assert.Equal((true, true, true, true), Outcome(Antenna(state, "ant-c")));
        Assert.Equal((true, false, false, false), Outcome(Institution(state, "inst-a")));
        Assert.Equal((true, false, false, false), Outcome(Antenna(state, "ant-b")));
        Assert.True(NeedStatsRow.Of(state, null, null)!.Helped); // the need itself was helped
    }

    [Fact]
    public void An_institution_counts_what_any_of_its_advisors_did_and_each_antenna_only_its_own()
    {
        var state = SubmitToTwoInstitutions()
            .Position("b", MatchStatus.TakingCare, T0.AddDays(2))
            .Position("b", MatchStatus.DoneNoHelp, T0.AddDays(4))
            .Position("c", MatchStatus.TakingCare, T0.AddDays(6));

        Assert.Equal((true, true, false, true), Outcome(Institution(state, "inst-a")));
        Assert.Equal((true, true, false, true), Outcome(Antenna(state, "ant-b")));
        Assert.Equal((true, false, false, false), Outcome(Antenna(state, "ant-a"))); // a never answered
        Assert.Equal((true, false, false, false), Outcome(Institution(state, "inst-c"))); // taken on after 6 days, not closed
    }

    [Fact]
    public void Closed_unreachable_or_abandoned_is_no_exchange_for_the_institution()
    {
        var unreachable = SubmitToTwoInstitutions().Position("c", MatchStatus.TakingCare).Position("c", MatchStatus.DoneNotReachable);
        var abandoned = SubmitToTwoInstitutions().Fire(TimerKind.Abandon).State;

        Assert.Equal((true, false, false, true), Outcome(Institution(unreachable, "inst-c")));
        Assert.All(Rows(abandoned), r => Assert.Equal((true, false, false, false), Outcome(r.Row)));
    }

    [Fact]
    public void Taken_on_within_5_days_counts_from_when_the_need_reached_the_institution()
    {
        var added = SubmitToTwoInstitutions()
            .Then(new AdvisorAdded("ops@example.fr", Advisor("d")), T0.AddDays(10))
            .Position("d", MatchStatus.TakingCare, T0.AddDays(14));

        Assert.True(Institution(added, "inst-d").TakenOnWithin5Days);
        Assert.Equal(TimeSpan.FromDays(4), Institution(added, "inst-d").FirstTakenOnAfter); // the median counts the same way
        Assert.False(NeedStatsRow.Of(added, null, null)!.TakenOnWithin5Days); // 14 days after the submission
        Assert.Equal(TimeSpan.FromDays(14), NeedStatsRow.Of(added, null, null)!.FirstTakenOnAfter);
        Assert.False(Institution(added.Position("a", MatchStatus.TakingCare, T0.AddDays(15)), "inst-a").TakenOnWithin5Days);
    }

    [Fact]
    public void A_need_left_out_of_the_public_stats_or_sent_to_nobody_has_no_row()
    {
        Assert.Empty(Rows(SubmitToTwoInstitutions().Then(new NeedCancelled("ops@example.fr", "Doublon"))));
        Assert.Empty(Rows(Accept(null, Submitted("a", "b") with { HoldReasons = [HoldReason.Honeypot] }).State));
        Assert.Empty(Rows(Submit()));
    }

    [Fact]
    public void An_advisor_reassigned_to_another_institution_takes_the_rows_with_it()
    {
        var reassigned = SubmitToTwoInstitutions().Then(new NeedReassigned("ops@example.fr", "c", Advisor("z")), T0.AddDays(1));

        Assert.Equal(["institution:inst-a", "institution:inst-z", "antenna:ant-a", "antenna:ant-b", "antenna:ant-z"], Rows(reassigned).Select(r => r.Scope.Key));
    }

    [Fact]
    public void Scope_keys_read_back_and_anything_else_is_no_scope()
    {
        Assert.Equal(StatsScope.Institution("urssaf"), StatsScope.FromKey("institution:urssaf"));
        Assert.Equal(StatsScope.Antenna("urssaf-47"), StatsScope.FromKey("antenna:urssaf-47"));
        Assert.Null(StatsScope.FromKey("need:n-1"));
        Assert.Null(StatsScope.FromKey("antenna:"));
        Assert.Null(StatsScope.FromKey(null));
    }

    [Fact]
    public void Several_antennas_together_count_a_need_once_with_what_any_of_them_achieved()
    {
        var state = SubmitToTwoInstitutions()
            .Position("a", MatchStatus.TakingCare, T0.AddDays(1))
            .Position("b", MatchStatus.TakingCare, T0.AddDays(8))
            .Position("b", MatchStatus.Done, T0.AddDays(9));
        var otherNeed = Antenna(Submit("a") with { NeedId = "need-2" }, "ant-a");

        var merged = PartnerStatsRows.Merge([Antenna(state, "ant-a"), Antenna(state, "ant-b"), otherNeed]);

        Assert.Equal(["need-1", "need-2"], merged.Select(r => r.NeedId));
        Assert.Equal((true, true, true, true), Outcome(merged[0]));
        Assert.Equal((true, false, false, false), Outcome(merged[1]));
        Assert.Equal(TimeSpan.FromDays(1), merged[0].FirstTakenOnAfter); // the earliest of its antennas' delays
        Assert.Null(merged[1].FirstTakenOnAfter);
        // The need's own facts, whatever the scope: its company (the annual report counts companies from the same rows).
        Assert.NotNull(NeedStatsRow.Of(state, null, null)!.CompanyKey);
        Assert.Equal(NeedStatsRow.Of(state, null, null)!.CompanyKey, Antenna(state, "ant-b").CompanyKey);
    }
}
