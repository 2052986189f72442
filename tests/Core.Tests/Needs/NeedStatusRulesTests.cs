using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class NeedStatusRulesTests
{
    [Theory]
    [InlineData("done", "done,done_no_help,done_not_reachable,taking_care,quo,not_for_me,expired")]
    [InlineData("done", "not_for_me,done")]
    [InlineData("done_no_help", "done_no_help,done_not_reachable,taking_care,quo,not_for_me")]
    [InlineData("done_not_reachable", "done_not_reachable,taking_care,quo,not_for_me")]
    [InlineData("taking_care", "taking_care,quo,not_for_me,expired")]
    [InlineData("quo", "quo,not_for_me")]
    [InlineData("quo", "quo,expired")]
    [InlineData("quo", "quo")]
    [InlineData("abandoned", "not_for_me,expired")]
    [InlineData("abandoned", "expired,expired")]
    [InlineData("abandoned", "expired")]
    [InlineData("not_for_me", "not_for_me,not_for_me")]
    [InlineData("not_for_me", "not_for_me")]
    [InlineData("quo", "")]
    public void The_need_status_is_the_first_rule_that_applies(string expected, string matches)
    {
        var statuses = matches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse<MatchStatus>).ToList();

        Assert.Equal(Parse<NeedStatus>(expected), NeedStatusRules.Derive(statuses));
        Assert.Equal(Parse<NeedStatus>(expected), NeedStatusRules.Derive(Enumerable.Reverse(statuses)));
    }

    [Fact]
    public void The_matches_alone_never_make_a_need_cancelled()
    {
        var every = Enum.GetValues<MatchStatus>();

        Assert.All(every, status => Assert.NotEqual(NeedStatus.Cancelled, NeedStatusRules.Derive([status])));
        Assert.NotEqual(NeedStatus.Cancelled, NeedStatusRules.Derive(every));
    }

    [Fact]
    public void The_state_derives_its_status_and_flags_from_its_matches()
    {
        var state = Submit("a", "b");

        Assert.Equal(NeedStatus.Quo, state.Status);
        Assert.Equal(NeedStatus.TakingCare, state.Position("a", MatchStatus.TakingCare).Status);
        Assert.Equal(NeedStatus.NotForMe, state.Position("a", MatchStatus.NotForMe).Position("b", MatchStatus.NotForMe).Status);
        Assert.False(state.IsUnrouted || state.IsAbandoned || state.IsCancelled);
        Assert.True(Submit().IsUnrouted);
        Assert.Equal(NeedStatus.Quo, Submit().Status);
    }

    [Fact]
    public void An_abandoned_need_is_abandoned_not_refused_even_when_some_advisors_refused_it()
    {
        var nobodyAnswered = Submit("a", "b").Fire(TimerKind.Abandon).State;
        var oneRefused = Submit("a", "b").Position("b", MatchStatus.NotForMe).Fire(TimerKind.Abandon).State;

        Assert.Equal(NeedStatus.Abandoned, nobodyAnswered.Status);
        Assert.Equal(NeedStatus.Abandoned, oneRefused.Status);
        Assert.True(oneRefused.IsAbandoned);
        Assert.Equal("abandoned", NeedJson.WireName(oneRefused.Status));
    }

    private static NeedState Before(string name) => name switch
    {
        "quo" => Submit("a", "b"),
        "unrouted" => Submit(),
        "taking_care" => Submit("a", "b").Position("a", MatchStatus.TakingCare),
        "done" => Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done),
        "not_for_me" => Submit("a").Position("a", MatchStatus.NotForMe),
        "abandoned" => Submit("a").Fire(TimerKind.Abandon).State,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown starting point."),
    };

    [Theory]
    [InlineData("quo")]
    [InlineData("unrouted")]
    [InlineData("taking_care")]
    [InlineData("done")]
    [InlineData("not_for_me")]
    [InlineData("abandoned")]
    public void A_cancelled_need_is_cancelled_whatever_its_matches(string before)
    {
        var state = Before(before);

        var cancelled = state.Then(new NeedCancelled("ops@example.fr", "Doublon"), T0.AddDays(50));

        Assert.Equal(before, state.IsUnrouted ? "unrouted" : NeedJson.WireName(state.Status));
        Assert.Equal(NeedStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled", NeedJson.WireName(cancelled.Status));
    }

    private static T Parse<T>(string name)
        where T : struct, Enum =>
        NeedJson.TryParseWireName<T>(name, out var value) ? value : throw new ArgumentException(name, nameof(name));
}
