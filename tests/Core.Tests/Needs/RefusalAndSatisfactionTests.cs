using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Time;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class RefusalAndSatisfactionTests
{
    [Fact]
    public void When_the_last_advisor_refuses_the_company_gets_the_fallback_at_once_and_operators_are_told()
    {
        var oneRefused = Accept(Submit("a", "b"), new PositionChanged("a", MatchStatus.NotForMe));
        var allRefused = Accept(oneRefused.State, new PositionChanged("b", MatchStatus.NotForMe), T0.AddHours(3));

        Assert.Empty(oneRefused.Emails());
        Assert.Empty(oneRefused.Alerts());
        var email = Assert.Single(allRefused.Emails());
        Assert.Equal((EmailTemplate.CompanyFallback, "camille.dupont@example.fr", "need-1:email:fallback-refused"), (email.Template, email.RecipientEmail, email.EffectId));
        var alert = Assert.Single(allRefused.Alerts());
        Assert.Equal((OperatorBasket.Refused, "need-1:alert:refused"), (alert.Basket, alert.EffectId));
        Assert.Equal(T0.AddHours(3), allRefused.State.Timeline.RefusedFallbackSentAt);
        Assert.Equal(NeedStatus.NotForMe, allRefused.State.Status);
    }

    [Fact]
    public void The_refusal_fallback_is_sent_only_once()
    {
        var refused = Submit("a").Position("a", MatchStatus.NotForMe);

        var undone = Accept(refused, new PositionChanged("a", MatchStatus.Quo));
        var refusedAgain = Accept(undone.State, new PositionChanged("a", MatchStatus.NotForMe));

        Assert.Empty(undone.Emails());
        Assert.Empty(refusedAgain.Emails());
        Assert.Empty(refusedAgain.Alerts());
    }

    [Fact]
    public void The_first_done_schedules_the_satisfaction_survey_on_a_business_morning()
    {
        var state = Submit("a", "b").Position("a", MatchStatus.TakingCare).Position("b", MatchStatus.TakingCare);
        var friday = new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(1));

        var done = Accept(state, new PositionChanged("a", MatchStatus.Done), friday, WorkflowSchedule.Default);

        var timer = Assert.Single(done.Timers());
        Assert.Equal((TimerKind.Satisfaction, "satisfaction-4"), (timer.Kind, timer.TimerId));
        Assert.Equal(BusinessCalendar.NextBusinessMorning(friday.AddDays(10)), timer.DueAt); // Monday 16 March 16:00
        Assert.Equal(friday, done.State.Timeline.SatisfactionScheduledAt);

        var secondDone = Accept(done.State, new PositionChanged("b", MatchStatus.Done), friday, WorkflowSchedule.Default);
        Assert.Empty(secondDone.Timers());
    }

    [Fact]
    public void The_satisfaction_survey_is_sent_when_due_and_only_once()
    {
        var done = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done);
        Assert.Equal(T0.AddDays(10), done.Timer(TimerKind.Satisfaction).DueAt);

        var fired = done.Fire(TimerKind.Satisfaction);

        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.CompanySatisfactionSurvey, "camille.dupont@example.fr", "need-1:email:satisfaction"), (email.Template, email.RecipientEmail, email.EffectId));
        Assert.Equal(T0.AddDays(10), fired.State.Timeline.SatisfactionSentAt);

        var reopenedAndDoneAgain = fired.State.Position("a", MatchStatus.TakingCare).Then(new PositionChanged("a", MatchStatus.Done));
        Assert.DoesNotContain(reopenedAndDoneAgain.Timers, t => t.Kind == TimerKind.Satisfaction);
    }

    [Theory]
    [InlineData(MatchStatus.DoneNoHelp)]
    [InlineData(MatchStatus.DoneNotReachable)]
    public void Closing_without_help_proposed_asks_no_satisfaction(MatchStatus closing)
    {
        var closed = Accept(Submit("a").Position("a", MatchStatus.TakingCare), new PositionChanged("a", closing));

        Assert.DoesNotContain(closed.Timers(), t => t.Kind == TimerKind.Satisfaction);
    }

    [Fact]
    public void A_done_reopened_before_the_survey_is_due_gets_no_survey_until_done_again()
    {
        var done = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done);
        var reopened = done.Position("a", MatchStatus.TakingCare);

        var fired = reopened.Fire(TimerKind.Satisfaction);
        var doneAgain = Accept(fired.State, new PositionChanged("a", MatchStatus.Done), T0.AddDays(11));

        Assert.Empty(fired.Emails());
        Assert.Null(fired.State.Timeline.SatisfactionSentAt);
        var timer = Assert.Single(doneAgain.Timers());
        Assert.Equal(TimerKind.Satisfaction, timer.Kind);
        Assert.NotEqual(done.Timer(TimerKind.Satisfaction).TimerId, timer.TimerId);
    }
}
