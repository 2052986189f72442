using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class SatisfactionTests
{
    [Theory]
    [InlineData(MatchStatus.Quo)]
    [InlineData(MatchStatus.TakingCare)]
    [InlineData(MatchStatus.NotForMe)]
    public void Before_an_advisor_closes_the_need_the_survey_is_not_open(MatchStatus status)
    {
        var state = Submit("a").WithStatus("a", status);

        Assert.False(state.CanGiveSatisfaction);
        Assert.Equal(RejectionCode.SatisfactionNotOpen, Reject(state, new SatisfactionGiven(SatisfactionHelped.Yes, null)).Code);
    }

    [Theory]
    [InlineData(MatchStatus.Done)]
    [InlineData(MatchStatus.DoneNoHelp)]
    [InlineData(MatchStatus.DoneNotReachable)]
    public void Once_an_advisor_closed_the_need_the_answer_is_kept_with_its_time(MatchStatus closed)
    {
        var state = Submit("a", "b").Position("a", MatchStatus.TakingCare).Position("a", closed);
        var at = T0.AddDays(12);

        var answered = Accept(state, new SatisfactionGiven(SatisfactionHelped.Partly, "  Utile, mais un peu tard.  "), at);

        Assert.True(state.CanGiveSatisfaction);
        Assert.Equal(new NeedSatisfaction { Helped = SatisfactionHelped.Partly, Comment = "Utile, mais un peu tard.", At = at }, answered.State.Satisfaction);
        Assert.Equal(state.Version + 1, answered.State.Version);
        Assert.Empty(answered.Emails());
        Assert.Equal(state.Matches, answered.State.Matches);
    }

    [Fact]
    public void A_new_answer_replaces_the_last_and_a_blank_comment_is_no_comment()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done)
            .Then(new SatisfactionGiven(SatisfactionHelped.No, "Personne ne m'a rappelé."), T0.AddDays(11));

        var changed = Accept(state, new SatisfactionGiven(SatisfactionHelped.Yes, "   "), T0.AddDays(12)).State.Satisfaction!;

        Assert.Equal((SatisfactionHelped.Yes, (string?)null, T0.AddDays(12)), (changed.Helped, changed.Comment, changed.At));
    }

    [Fact]
    public void A_cancelled_need_takes_no_answer()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done)
            .Then(new NeedCancelled("ops@example.fr", "Doublon"));

        Assert.False(state.CanGiveSatisfaction);
        Assert.Equal(RejectionCode.Cancelled, Reject(state, new SatisfactionGiven(SatisfactionHelped.Yes, null)).Code);
    }

    [Fact]
    public void An_answer_outside_the_three_choices_is_rejected()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done);

        Assert.Equal(RejectionCode.InvalidEvent, Reject(state, new SatisfactionGiven((SatisfactionHelped)7, null)).Code);
    }
}
