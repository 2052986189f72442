using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class TimerTests
{
    public static TheoryData<TimerKind> TimelineKinds() =>
        [TimerKind.Reminder, TimerKind.CompanyFollowUp, TimerKind.LastChance, TimerKind.Abandon];

    [Fact]
    public void The_reminder_goes_to_the_advisors_still_quo_only()
    {
        var state = Submit("a", "b", "c").Position("b", MatchStatus.TakingCare).Position("c", MatchStatus.NotForMe);

        var fired = state.Fire(TimerKind.Reminder);

        var reminder = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.AdvisorReminder, "a", "need-1:email:reminder:a"), (reminder.Template, reminder.AdvisorId, reminder.EffectId));
        Assert.Equal(T0.AddDays(4), fired.State.Timeline.ReminderSentAt);
        Assert.DoesNotContain(fired.State.Timers, t => t.Kind == TimerKind.Reminder);
        Assert.Equal(state.Version + 1, fired.State.Version);
    }

    [Fact]
    public void The_reminder_sends_nothing_when_nobody_is_still_quo()
    {
        var fired = Submit("a").Position("a", MatchStatus.TakingCare).Fire(TimerKind.Reminder);

        Assert.Empty(fired.Effects);
        Assert.Null(fired.State.Timeline.ReminderSentAt);
        Assert.False(fired.IsNoOp); // the current timer is consumed
    }

    [Fact]
    public void The_company_follow_up_tells_the_company_and_the_operators_when_nobody_took_the_need_on()
    {
        var state = Submit("a", "b", "c").Position("c", MatchStatus.NotForMe);

        var fired = state.Fire(TimerKind.CompanyFollowUp);

        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.CompanyStillFollowing, "camille.dupont@example.fr", "need-1:email:still-following"), (email.Template, email.RecipientEmail, email.EffectId));
        var alert = Assert.Single(fired.Alerts());
        Assert.Equal((OperatorBasket.NoAnswer, "need-1:alert:no_answer"), (alert.Basket, alert.EffectId));
        Assert.Equal(["a", "b"], alert.AdvisorIds);
        Assert.Equal(T0.AddDays(9), fired.State.Timeline.FollowUpSentAt);
    }

    [Theory]
    [InlineData(MatchStatus.TakingCare)]
    [InlineData(MatchStatus.NotForMe)]
    public void The_company_follow_up_is_skipped_once_the_need_moved_on(MatchStatus position)
    {
        var fired = Submit("a").Position("a", position).Fire(TimerKind.CompanyFollowUp);

        Assert.Empty(fired.Effects);
        Assert.Null(fired.State.Timeline.FollowUpSentAt);
    }

    [Fact]
    public void The_company_follow_up_is_skipped_when_the_need_was_closed_then_reopened_to_taking_care()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.DoneNoHelp);

        Assert.Empty(state.Fire(TimerKind.CompanyFollowUp).Effects);
    }

    [Fact]
    public void The_last_chance_goes_to_the_advisors_still_quo_and_alerts_the_operators()
    {
        var state = Submit("a", "b").Position("b", MatchStatus.NotForMe);

        var fired = state.Fire(TimerKind.LastChance);

        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.AdvisorLastChance, "a", "need-1:email:last-chance:a"), (email.Template, email.AdvisorId, email.EffectId));
        var alert = Assert.Single(fired.Alerts());
        Assert.Equal((OperatorBasket.LastChance, "need-1:alert:last_chance"), (alert.Basket, alert.EffectId));
        Assert.Equal(["a"], alert.AdvisorIds);
        Assert.Equal(T0.AddDays(21), fired.State.Timeline.LastChanceSentAt);
    }

    [Fact]
    public void There_is_no_last_chance_once_someone_took_the_need_on()
    {
        var fired = Submit("a", "b").Position("b", MatchStatus.TakingCare).Fire(TimerKind.LastChance);

        Assert.Empty(fired.Effects);
        Assert.Null(fired.State.Timeline.LastChanceSentAt);
    }

    [Fact]
    public void Abandon_expires_only_the_quo_matches_replies_to_the_company_and_tells_the_operators()
    {
        var state = Submit("a", "b", "c").Position("b", MatchStatus.NotForMe);
        var at = state.Timer(TimerKind.Abandon).DueAt;

        var fired = state.Fire(TimerKind.Abandon);

        Assert.Equal([MatchStatus.Expired, MatchStatus.NotForMe, MatchStatus.Expired], fired.State.Matches.Select(m => m.Status));
        Assert.Equal(at, fired.State.Match("a").ClosedAt);
        Assert.NotEqual(at, fired.State.Match("b").ClosedAt);
        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.CompanyFallback, "camille.dupont@example.fr", "need-1:email:fallback-abandoned"), (email.Template, email.RecipientEmail, email.EffectId));
        var alert = Assert.Single(fired.Alerts());
        Assert.Equal((OperatorBasket.Abandoned, "need-1:alert:abandoned"), (alert.Basket, alert.EffectId));
        Assert.Equal(["a", "c"], alert.AdvisorIds);
        Assert.True(fired.State.IsAbandoned);
        Assert.Equal(NeedStatus.Abandoned, fired.State.Status); // not "not_for_me": b's refusal does not make it refused
        Assert.Equal(at, fired.State.Timeline.AbandonedAt);
        Assert.Empty(fired.State.Timers);
        Assert.Equal(["a", "c"], Assert.Single(fired.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Single(fired.Projections(ProjectionKind.NeedStatus));
    }

    [Theory]
    [InlineData(MatchStatus.TakingCare)]
    [InlineData(MatchStatus.DoneNotReachable)]
    public void A_need_someone_took_on_is_never_abandoned(MatchStatus position)
    {
        var state = Submit("a", "b").Position("b", MatchStatus.TakingCare);
        if (position != MatchStatus.TakingCare)
        {
            state = state.Position("b", position);
        }

        var fired = state.Fire(TimerKind.Abandon);

        Assert.Empty(fired.Effects);
        Assert.False(fired.State.IsAbandoned);
        Assert.Equal(MatchStatus.Quo, fired.State.Match("a").Status);
    }

    [Fact]
    public void An_abandoned_need_is_closed_to_advisors()
    {
        var abandoned = Submit("a").Fire(TimerKind.Abandon).State;

        Assert.Equal(RejectionCode.Closed, Reject(abandoned, new PositionChanged("a", MatchStatus.TakingCare)).Code);
        Assert.Equal(RejectionCode.Closed, Reject(abandoned, CommentPosted.ByAdvisor("a", "Je peux encore aider")).Code);
        Assert.Equal(RejectionCode.Closed, Reject(abandoned, new AdvisorAdded("ops@example.fr", Advisor("z"))).Code);
        Assert.False(string.IsNullOrWhiteSpace(Reject(abandoned, new PositionChanged("a", MatchStatus.TakingCare)).Message));
    }

    [Theory]
    [MemberData(nameof(TimelineKinds))]
    public void A_timer_delivered_twice_acts_once(TimerKind kind)
    {
        var state = Submit("a");
        var due = state.Due(kind);

        var first = Accept(state, due, due.ScheduledFor);
        var second = Accept(first.State, due, due.ScheduledFor.AddMinutes(1));

        Assert.NotEmpty(first.Effects);
        Assert.True(second.IsNoOp);
        Assert.Empty(second.Effects);
        Assert.Same(first.State, second.State);
    }

    [Theory]
    [MemberData(nameof(TimelineKinds))]
    public void A_timer_the_need_is_not_waiting_for_is_ignored(TimerKind kind)
    {
        var state = Submit("a");
        var due = state.Due(kind);

        foreach (var stale in new[] { due with { TimerId = "old-" + due.TimerId }, due with { Kind = kind == TimerKind.Reminder ? TimerKind.Abandon : TimerKind.Reminder } })
        {
            var result = Accept(state, stale, due.ScheduledFor);

            Assert.True(result.IsNoOp);
            Assert.Empty(result.Effects);
            Assert.Same(state, result.State);
        }
    }

    [Theory]
    [MemberData(nameof(TimelineKinds))]
    public void Timers_of_a_cancelled_need_do_nothing(TimerKind kind)
    {
        var state = Submit("a");
        var due = state.Due(kind);
        var cancelled = state.Then(new NeedCancelled("ops@example.fr", "Demande frauduleuse"));

        var result = Accept(cancelled, due, due.ScheduledFor);

        Assert.True(result.IsNoOp);
        Assert.Empty(result.Effects);
    }

    [Fact]
    public void Timers_left_when_a_need_is_abandoned_do_nothing()
    {
        var state = Submit("a");
        var lastChance = state.Due(TimerKind.LastChance);
        var abandoned = state.Fire(TimerKind.Abandon).State;

        Assert.True(Accept(abandoned, lastChance).IsNoOp);
    }

    [Fact]
    public void Timers_are_delivered_in_order_through_the_whole_timeline()
    {
        var state = Submit("a", "b");

        var reminder = state.Fire(TimerKind.Reminder);
        var followUp = reminder.State.Fire(TimerKind.CompanyFollowUp);
        var lastChance = followUp.State.Fire(TimerKind.LastChance);
        var abandon = lastChance.State.Fire(TimerKind.Abandon);

        Assert.Equal([EmailTemplate.AdvisorReminder, EmailTemplate.AdvisorReminder], reminder.Emails().Select(e => e.Template));
        Assert.Equal([EmailTemplate.CompanyStillFollowing], followUp.Emails().Select(e => e.Template));
        Assert.Equal([EmailTemplate.AdvisorLastChance, EmailTemplate.AdvisorLastChance], lastChance.Emails().Select(e => e.Template));
        Assert.Equal([EmailTemplate.CompanyFallback], abandon.Emails().Select(e => e.Template));
        Assert.Equal([OperatorBasket.NoAnswer, OperatorBasket.LastChance, OperatorBasket.Abandoned], new[] { followUp, lastChance, abandon }.SelectMany(a => a.Alerts()).Select(a => a.Basket));
        Assert.Equal(5, abandon.State.Version);
        Assert.Empty(abandon.State.Timers);
    }
}
