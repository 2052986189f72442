using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class MatchTransitionTests
{
    // The matrix, written out independently of the implementation.
    private static readonly HashSet<(MatchStatus From, MatchStatus To)> Allowed =
    [
        (MatchStatus.Quo, MatchStatus.TakingCare),
        (MatchStatus.Quo, MatchStatus.NotForMe),
        (MatchStatus.TakingCare, MatchStatus.Done),
        (MatchStatus.TakingCare, MatchStatus.DoneNoHelp),
        (MatchStatus.TakingCare, MatchStatus.DoneNotReachable),
        (MatchStatus.TakingCare, MatchStatus.Quo),
        (MatchStatus.NotForMe, MatchStatus.Quo),
        (MatchStatus.Done, MatchStatus.TakingCare),
        (MatchStatus.DoneNoHelp, MatchStatus.TakingCare),
        (MatchStatus.DoneNotReachable, MatchStatus.TakingCare),
    ];

    public static TheoryData<MatchStatus, MatchStatus> EveryPair()
    {
        var data = new TheoryData<MatchStatus, MatchStatus>();
        foreach (var from in Enum.GetValues<MatchStatus>())
        {
            foreach (var to in Enum.GetValues<MatchStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<MatchStatus> EveryStatus() => [.. Enum.GetValues<MatchStatus>()];

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_decider_enforces_the_full_transition_matrix(MatchStatus from, MatchStatus to)
    {
        var state = Submit("a", "b").WithStatus("a", from);

        var result = NeedDecider.Decide(state, new PositionChanged("a", to), T0.AddHours(1), Exact);

        if (Allowed.Contains((from, to)))
        {
            var accepted = Assert.IsType<Accepted>(result);
            Assert.Equal(to, accepted.State.Match("a").Status);
            Assert.Equal(MatchStatus.Quo, accepted.State.Match("b").Status);
            Assert.Equal(state.Version + 1, accepted.State.Version);
            Assert.False(accepted.IsNoOp);
        }
        else
        {
            var rejected = Assert.IsType<Rejected>(result);
            Assert.Equal(from == to ? RejectionCode.AlreadyInStatus : RejectionCode.TransitionNotAllowed, rejected.Code);
            Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void Allowed_transitions_offered_to_the_ui_are_exactly_the_matrix(MatchStatus from)
    {
        var expected = Allowed.Where(p => p.From == from).Select(p => p.To).Order();

        Assert.Equal(expected, NeedDecider.AllowedTransitions(from).Order());
        Assert.All(Enum.GetValues<MatchStatus>(), to => Assert.Equal(Allowed.Contains((from, to)), MatchTransitions.IsAllowed(from, to)));
    }

    [Fact]
    public void A_refused_transition_says_so_in_french_with_both_statuses()
    {
        var rejected = Reject(Submit("a"), new PositionChanged("a", MatchStatus.Done));

        Assert.Equal(RejectionCode.TransitionNotAllowed, rejected.Code);
        Assert.Equal("Impossible de passer de « en attente de réponse » à « clôturé avec une aide proposée ».", rejected.Message);
    }

    [Fact]
    public void An_advisor_the_need_was_not_sent_to_is_rejected() =>
        Assert.Equal(RejectionCode.UnknownAdvisor, Reject(Submit("a"), new PositionChanged("z", MatchStatus.TakingCare)).Code);

    [Fact]
    public void Taking_on_closing_and_undoing_keep_the_match_timestamps()
    {
        var t1 = T0.AddHours(1);
        var t2 = T0.AddDays(2);
        var t3 = T0.AddDays(3);
        var t4 = T0.AddDays(4);

        var taken = Submit("a").Position("a", MatchStatus.TakingCare, t1);
        var closed = taken.Position("a", MatchStatus.Done, t2);
        var reopened = closed.Position("a", MatchStatus.TakingCare, t3);
        var undone = reopened.Position("a", MatchStatus.Quo, t4);

        Assert.Equal((t1, (DateTimeOffset?)t1, (DateTimeOffset?)null), (taken.Match("a").UpdatedAt, taken.Match("a").TakenOnAt, taken.Match("a").ClosedAt));
        Assert.Equal((t2, (DateTimeOffset?)t1, (DateTimeOffset?)t2), (closed.Match("a").UpdatedAt, closed.Match("a").TakenOnAt, closed.Match("a").ClosedAt));
        Assert.Equal((t3, (DateTimeOffset?)t1, (DateTimeOffset?)null), (reopened.Match("a").UpdatedAt, reopened.Match("a").TakenOnAt, reopened.Match("a").ClosedAt));
        Assert.Equal((t4, (DateTimeOffset?)null, (DateTimeOffset?)null), (undone.Match("a").UpdatedAt, undone.Match("a").TakenOnAt, undone.Match("a").ClosedAt));
        Assert.Equal(T0, undone.Match("a").SentAt);
    }

    [Fact]
    public void A_refusal_keeps_its_reason_and_closes_the_match()
    {
        var t1 = T0.AddHours(2);
        var state = Submit("a", "b").Then(new PositionChanged("a", MatchStatus.NotForMe, "  Hors de notre périmètre  "), t1);

        Assert.Equal("Hors de notre périmètre", state.Match("a").PositionComment);
        Assert.Equal(t1, state.Match("a").ClosedAt);
        Assert.Null(state.Match("a").TakenOnAt);
        Assert.Null(state.Position("a", MatchStatus.Quo).Match("a").PositionComment);
    }

    [Fact]
    public void Every_accepted_position_change_increments_the_version()
    {
        var state = Submit("a");

        Assert.Equal(1, state.Version);
        Assert.Equal(4, state.Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Quo).Position("a", MatchStatus.NotForMe).Version);
    }

    [Fact]
    public void A_position_change_refreshes_the_advisors_inbox_and_the_need_status_only_when_it_changes()
    {
        var state = Submit("a", "b");

        var first = Accept(state, new PositionChanged("a", MatchStatus.TakingCare));
        var second = Accept(first.State, new PositionChanged("b", MatchStatus.TakingCare));

        Assert.Equal(["a"], Assert.Single(first.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Single(first.Projections(ProjectionKind.NeedStatus));
        Assert.Equal(["b"], Assert.Single(second.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Empty(second.Projections(ProjectionKind.NeedStatus));
    }
}
