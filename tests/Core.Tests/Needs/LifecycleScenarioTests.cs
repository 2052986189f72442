using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Time;
using Microsoft.Extensions.Time.Testing;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>
/// Whole lives of a need driven like the app drives them: a clock, a timers table swept when due, every effect
/// recorded. Business hours on, PRODUCT.md delays.
/// </summary>
public sealed class LifecycleScenarioTests
{
    // Friday 10 July 2026, 17:30 Paris: the weekend and 14 July are ahead.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 10, 17, 30, 0, TimeSpan.FromHours(2)));
    private readonly List<NeedEffect> _effects = [];
    private readonly List<ScheduleTimer> _timersTable = [];
    private NeedState? _state;

    private Accepted Apply(NeedEvent @event)
    {
        var accepted = Accept(_state, @event, _time.GetUtcNow(), WorkflowSchedule.Default);
        _state = accepted.State;
        _effects.AddRange(accepted.Effects);
        _timersTable.AddRange(accepted.Effects.OfType<ScheduleTimer>());
        return accepted;
    }

    /// <summary>Advances the clock to <paramref name="until"/>, delivering every timer row due on the way (each once).</summary>
    private void SweepUntil(DateTimeOffset until)
    {
        while (_timersTable.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            _timersTable.Remove(next);
            _time.SetUtcNow(next.DueAt > _time.GetUtcNow() ? next.DueAt : _time.GetUtcNow());
            Apply(new TimerDue(next.TimerId, next.Kind, next.DueAt));
        }

        _time.SetUtcNow(until);
    }

    private IEnumerable<(EmailTemplate Template, string To)> Sent() =>
        _effects.OfType<SendEmail>().Select(e => (e.Template, e.AdvisorId ?? "company"));

    [Fact]
    public void Nobody_answers_reminders_follow_up_last_chance_then_abandon_all_on_business_mornings()
    {
        Apply(Submitted("a", "b"));
        SweepUntil(_time.GetUtcNow().AddDays(60));

        Assert.Equal(
            [
                (EmailTemplate.AdvisorNewNeed, "a"), (EmailTemplate.AdvisorNewNeed, "b"), (EmailTemplate.CompanyConfirmation, "company"),
                (EmailTemplate.AdvisorReminder, "a"), (EmailTemplate.AdvisorReminder, "b"),
                (EmailTemplate.CompanyStillFollowing, "company"),
                (EmailTemplate.AdvisorLastChance, "a"), (EmailTemplate.AdvisorLastChance, "b"),
                (EmailTemplate.CompanyFallback, "company"),
            ],
            Sent());
        Assert.All(_effects.OfType<ScheduleTimer>(), t => Assert.True(BusinessCalendar.IsBusinessHours(t.DueAt)));
        // +4 days is Tuesday 14 July (holiday) 17:30 → Wednesday 15 July 09:00.
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(2)), _effects.OfType<ScheduleTimer>().Single(t => t.Kind == TimerKind.Reminder).DueAt);
        Assert.True(_state!.IsAbandoned);
        Assert.Equal(NeedStatus.Abandoned, _state.Status);
        Assert.All(_state.Matches, m => Assert.Equal(MatchStatus.Expired, m.Status));
        Assert.Equal(_effects.Count, _effects.Select(e => e.EffectId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Taken_on_quickly_the_company_hears_once_and_gets_its_survey_after_the_help()
    {
        Apply(Submitted("a", "b"));
        _time.Advance(TimeSpan.FromMinutes(2));
        Apply(new PositionChanged("a", MatchStatus.TakingCare));
        _time.Advance(TimeSpan.FromMinutes(4));
        Apply(new PositionChanged("b", MatchStatus.TakingCare));
        SweepUntil(_time.GetUtcNow().AddDays(3));
        Apply(new PositionChanged("a", MatchStatus.Done));
        Apply(new PositionChanged("b", MatchStatus.DoneNoHelp));
        SweepUntil(_time.GetUtcNow().AddDays(60));

        Assert.Equal(
            [
                (EmailTemplate.AdvisorNewNeed, "a"), (EmailTemplate.AdvisorNewNeed, "b"), (EmailTemplate.CompanyConfirmation, "company"),
                (EmailTemplate.CompanyTakenOn, "company"),
                (EmailTemplate.CompanySatisfactionSurvey, "company"),
            ],
            Sent());
        Assert.Equal(NeedStatus.Done, _state!.Status);
        Assert.Empty(_state.Timers);
        Assert.Empty(_effects.OfType<AlertOperators>());
    }

    [Fact]
    public void Every_timer_row_delivered_twice_changes_nothing_the_second_time()
    {
        Apply(Submitted("a"));
        var rows = _timersTable.ToList();
        SweepUntil(_time.GetUtcNow().AddDays(60));
        var final = _state!;

        foreach (var row in rows)
        {
            var again = Accept(final, new TimerDue(row.TimerId, row.Kind, row.DueAt), _time.GetUtcNow(), WorkflowSchedule.Default);
            Assert.True(again.IsNoOp);
            Assert.Empty(again.Effects);
        }
    }
}
