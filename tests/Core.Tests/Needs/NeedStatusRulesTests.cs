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
    [InlineData("not_for_me", "not_for_me,not_for_me")]
    [InlineData("not_for_me", "not_for_me,expired")]
    [InlineData("not_for_me", "expired")]
    [InlineData("quo", "")]
    public void The_need_status_is_the_first_rule_that_applies(string expected, string matches)
    {
        var statuses = matches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse<MatchStatus>).ToList();

        Assert.Equal(Parse<NeedStatus>(expected), NeedStatusRules.Derive(statuses));
        Assert.Equal(Parse<NeedStatus>(expected), NeedStatusRules.Derive(Enumerable.Reverse(statuses)));
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

    private static T Parse<T>(string name)
        where T : struct, Enum =>
        NeedJson.TryParseWireName<T>(name, out var value) ? value : throw new ArgumentException(name, nameof(name));
}
