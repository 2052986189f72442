using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class OperatorBasketRulesTests
{
    private static bool In(OperatorBasket basket, NeedState state) => OperatorBasketRules.StillApplies(basket, state);

    [Fact]
    public void An_unrouted_need_leaves_its_basket_once_an_operator_adds_an_advisor()
    {
        var unrouted = Submit();
        var routed = unrouted.Then(new AdvisorAdded("ops@example.fr", Advisor("a")));

        Assert.True(In(OperatorBasket.Unrouted, unrouted));
        Assert.False(In(OperatorBasket.Unrouted, routed));
        Assert.True(In(OperatorBasket.NoAnswer, routed));
    }

    [Fact]
    public void A_need_without_answer_leaves_no_answer_and_last_chance_once_taken_on_and_comes_back_if_undone()
    {
        var quo = Submit("a", "b");
        var takenOn = quo.Position("a", MatchStatus.TakingCare);
        var undone = takenOn.Position("a", MatchStatus.Quo);

        Assert.True(In(OperatorBasket.NoAnswer, quo) && In(OperatorBasket.LastChance, quo));
        Assert.False(In(OperatorBasket.NoAnswer, takenOn) || In(OperatorBasket.LastChance, takenOn));
        Assert.True(In(OperatorBasket.NoAnswer, undone));
    }

    [Fact]
    public void A_need_refused_by_all_stays_refused_until_an_advisor_changes_its_mind()
    {
        var refused = Submit("a", "b").Position("a", MatchStatus.NotForMe).Position("b", MatchStatus.NotForMe);

        Assert.True(In(OperatorBasket.Refused, refused));
        Assert.False(In(OperatorBasket.Refused, refused.Position("b", MatchStatus.Quo)));
    }

    [Fact]
    public void A_need_refused_by_all_then_abandoned_leaves_refused_for_abandoned()
    {
        var refused = Submit("a", "b").Position("a", MatchStatus.NotForMe).Position("b", MatchStatus.NotForMe);
        var abandoned = refused.Position("b", MatchStatus.Quo).Fire(TimerKind.Abandon).State;

        Assert.Equal(NeedStatus.Abandoned, abandoned.Status);
        Assert.False(In(OperatorBasket.Refused, abandoned));
        Assert.True(In(OperatorBasket.Abandoned, abandoned));
    }

    [Fact]
    public void A_need_refused_by_all_then_cancelled_is_no_longer_refused()
    {
        var refused = Submit("a", "b").Position("a", MatchStatus.NotForMe).Position("b", MatchStatus.NotForMe);

        var cancelled = refused.Then(new NeedCancelled("ops@example.fr", "Doublon"));

        Assert.Equal(NeedStatus.Cancelled, cancelled.Status);
        Assert.All(Enum.GetValues<OperatorBasket>(), basket => Assert.False(In(basket, cancelled)));
    }

    [Fact]
    public void An_abandoned_need_stays_abandoned_and_a_cancelled_need_leaves_every_basket()
    {
        var abandoned = Submit("a").Fire(TimerKind.Abandon).State;
        var cancelled = Submit().Then(new NeedCancelled("ops@example.fr", "Doublon"));
        var abandonedThenCancelled = abandoned.Then(new NeedCancelled("ops@example.fr", "Doublon"));

        Assert.True(In(OperatorBasket.Abandoned, abandoned));
        Assert.False(In(OperatorBasket.NoAnswer, abandoned) || In(OperatorBasket.Refused, abandoned));
        Assert.All(Enum.GetValues<OperatorBasket>(), basket => Assert.False(In(basket, cancelled)));
        Assert.All(Enum.GetValues<OperatorBasket>(), basket => Assert.False(In(basket, abandonedThenCancelled)));
    }
}
