using ConseillersEntreprises.Core.Needs;
using Microsoft.Extensions.Time.Testing;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>"Taken on by X of Y" and "missed call" emails to the company are debounced: one email per settled change.</summary>
public sealed class CompanyNoticeTests
{
    private readonly FakeTimeProvider _time = new(T0);

    private NeedState At(NeedState state, string advisorId, MatchStatus status) =>
        state.Position(advisorId, status, _time.GetUtcNow());

    private Accepted FireAt(NeedState state, TimerKind kind)
    {
        var due = state.Due(kind);
        _time.SetUtcNow(due.ScheduledFor);
        return Accept(state, due, _time.GetUtcNow());
    }

    [Fact]
    public void A_take_on_is_not_emailed_at_once_but_after_the_notice_delay()
    {
        var taken = Accept(Submit("a", "b"), new PositionChanged("a", MatchStatus.TakingCare), T0);

        Assert.Empty(taken.Emails());
        var timer = Assert.Single(taken.Timers());
        Assert.Equal((TimerKind.TakenOnNotice, "taken-on-notice-2", T0.AddMinutes(10), "need-1:timer:taken-on-notice-2"), (timer.Kind, timer.TimerId, timer.DueAt, timer.EffectId));
        Assert.Single(taken.State.PendingCompanyNotices);
    }

    [Fact]
    public void Two_take_ons_within_the_delay_make_one_email_naming_both()
    {
        var state = At(Submit("a", "b", "c"), "a", MatchStatus.TakingCare);
        _time.Advance(TimeSpan.FromMinutes(3));
        var second = Accept(state, new PositionChanged("b", MatchStatus.TakingCare), _time.GetUtcNow());

        Assert.Empty(second.Timers());
        var fired = FireAt(second.State, TimerKind.TakenOnNotice);

        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.CompanyTakenOn, "camille.dupont@example.fr", "need-1:email:taken-on:taken-on-notice-2"), (email.Template, email.RecipientEmail, email.EffectId));
        Assert.Equal(
            [new EmailAdvisor("a", "Conseiller A", "Institution A", "Antenne A"), new EmailAdvisor("b", "Conseiller B", "Institution B", "Antenne B")],
            email.Advisors);
        Assert.True(fired.State.Match("a").CompanyToldTakenOn && fired.State.Match("b").CompanyToldTakenOn);
        Assert.Empty(fired.State.PendingCompanyNotices);
        Assert.True(Accept(fired.State, second.State.Due(TimerKind.TakenOnNotice)).IsNoOp);
    }

    [Fact]
    public void A_take_on_undone_within_the_delay_sends_nothing()
    {
        var state = At(At(Submit("a"), "a", MatchStatus.TakingCare), "a", MatchStatus.Quo);

        var fired = FireAt(state, TimerKind.TakenOnNotice);

        Assert.Empty(fired.Effects);
        Assert.False(fired.State.Match("a").CompanyToldTakenOn);
    }

    [Fact]
    public void An_advisor_the_company_already_knows_about_is_not_announced_again()
    {
        var told = FireAt(At(Submit("a"), "a", MatchStatus.TakingCare), TimerKind.TakenOnNotice).State;

        var retaken = Accept(At(told, "a", MatchStatus.Quo), new PositionChanged("a", MatchStatus.TakingCare), _time.GetUtcNow());

        Assert.Empty(retaken.Timers());
        Assert.Empty(retaken.Emails());
    }

    [Fact]
    public void A_later_take_on_gets_its_own_email_naming_everyone_who_took_the_need_on()
    {
        var told = FireAt(At(Submit("a", "b"), "a", MatchStatus.TakingCare), TimerKind.TakenOnNotice);
        _time.Advance(TimeSpan.FromDays(1));
        var closedByA = At(told.State, "a", MatchStatus.Done);

        var takenByB = Accept(closedByA, new PositionChanged("b", MatchStatus.TakingCare), _time.GetUtcNow());
        var fired = FireAt(takenByB.State, TimerKind.TakenOnNotice);

        Assert.NotEqual(Assert.Single(told.Emails()).EffectId, Assert.Single(fired.Emails()).EffectId);
        Assert.Equal(["a", "b"], Assert.Single(fired.Emails()).Advisors.Select(a => a.AdvisorId));
    }

    [Fact]
    public void The_notice_delay_is_not_moved_to_business_hours()
    {
        var saturdayNight = new DateTimeOffset(2026, 3, 7, 23, 0, 0, TimeSpan.FromHours(1));

        var taken = Accept(Submit("a"), new PositionChanged("a", MatchStatus.TakingCare), saturdayNight, WorkflowSchedule.Default);

        Assert.Equal(saturdayNight.AddMinutes(10), Assert.Single(taken.Timers()).DueAt);
    }

    [Fact]
    public void A_missed_call_is_emailed_once_after_the_delay()
    {
        var state = At(Submit("a", "b"), "a", MatchStatus.TakingCare);
        var closed = Accept(state, new PositionChanged("a", MatchStatus.DoneNotReachable, "Trois appels sans réponse"), _time.GetUtcNow());

        Assert.Empty(closed.Emails());
        var timer = Assert.Single(closed.Timers());
        Assert.Equal((TimerKind.MissedCallNotice, "missed-call-notice-3"), (timer.Kind, timer.TimerId));

        var fired = FireAt(closed.State, TimerKind.MissedCallNotice);
        var email = Assert.Single(fired.Emails());
        Assert.Equal((EmailTemplate.CompanyMissedCall, "need-1:email:missed-call:missed-call-notice-3"), (email.Template, email.EffectId));
        Assert.Equal(["a"], email.Advisors.Select(a => a.AdvisorId));
        Assert.False(fired.State.Match("a").MissedCallPending);
    }

    [Fact]
    public void A_missed_call_reverted_within_the_delay_sends_nothing()
    {
        var state = At(At(At(Submit("a"), "a", MatchStatus.TakingCare), "a", MatchStatus.DoneNotReachable), "a", MatchStatus.TakingCare);

        var fired = FireAt(state, TimerKind.MissedCallNotice);

        Assert.Empty(fired.Emails(EmailTemplate.CompanyMissedCall));
    }

    [Fact]
    public void Two_missed_calls_within_the_delay_make_one_email()
    {
        var state = At(At(Submit("a", "b"), "a", MatchStatus.TakingCare), "b", MatchStatus.TakingCare);
        state = At(state, "a", MatchStatus.DoneNotReachable);
        _time.Advance(TimeSpan.FromMinutes(5));
        state = At(state, "b", MatchStatus.DoneNotReachable);

        Assert.Single(state.Timers, t => t.Kind == TimerKind.MissedCallNotice);
        var fired = FireAt(state, TimerKind.MissedCallNotice);

        Assert.Equal(["a", "b"], Assert.Single(fired.Emails(EmailTemplate.CompanyMissedCall)).Advisors.Select(a => a.AdvisorId));
    }
}
