using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Time;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class SubmissionTests
{
    [Fact]
    public void A_routed_need_is_sent_to_every_advisor_once_and_confirmed_to_the_company()
    {
        var accepted = Accept(null, Submitted("a", "b", "c"));

        var dispatch = accepted.Emails(EmailTemplate.AdvisorNewNeed);
        Assert.Equal(["a", "b", "c"], dispatch.Recipients());
        Assert.All(dispatch, e => Assert.Equal($"{e.AdvisorId}@conseillers.example.fr", e.RecipientEmail));
        Assert.Equal("need-1:email:dispatch:b", dispatch[1].EffectId);
        Assert.Equal("Conseiller B", dispatch[1].RecipientName);

        var confirmation = Assert.Single(accepted.Emails(EmailTemplate.CompanyConfirmation));
        Assert.Equal(("camille.dupont@example.fr", "Camille Dupont", (string?)null), (confirmation.RecipientEmail, confirmation.RecipientName, confirmation.AdvisorId));
        Assert.Equal("need-1:email:confirmation", confirmation.EffectId);

        Assert.Equal(4, accepted.Emails().Count);
        Assert.Empty(accepted.Alerts());
    }

    [Fact]
    public void The_new_state_holds_the_need_and_one_quo_match_per_advisor()
    {
        var state = Accept(null, Submitted("a", "b")).State;

        Assert.Equal((NeedId, 1L, T0, "tresorerie", "Difficultés de trésorerie"), (state.NeedId, state.Version, state.CreatedAt, state.SubjectId, state.SubjectLabel));
        Assert.Equal(Company, state.Company);
        Assert.Equal(Contact, state.Contact);
        Assert.All(state.Matches, m => Assert.Equal((MatchStatus.Quo, T0, T0), (m.Status, m.SentAt, m.UpdatedAt)));
        Assert.Equal(("a", "Conseiller A", "a@conseillers.example.fr", "Institution A", "Antenne A"), (state.Matches[0].AdvisorId, state.Matches[0].AdvisorName, state.Matches[0].AdvisorEmail, state.Matches[0].InstitutionName, state.Matches[0].AntennaName));
        Assert.Equal(T0, state.Timeline.DispatchedAt);
        Assert.Empty(state.Comments);
    }

    [Fact]
    public void Dispatch_schedules_the_timeline_at_the_exact_delays_when_business_hours_are_off()
    {
        var accepted = Accept(null, Submitted("a"));

        Assert.Equal(
            [
                (TimerKind.Reminder, "reminder", T0.AddDays(4), "need-1:timer:reminder"),
                (TimerKind.CompanyFollowUp, "company-follow-up", T0.AddDays(9), "need-1:timer:company-follow-up"),
                (TimerKind.LastChance, "last-chance", T0.AddDays(21), "need-1:timer:last-chance"),
                (TimerKind.Abandon, "abandon", T0.AddDays(45), "need-1:timer:abandon"),
            ],
            accepted.Timers().Select(t => (t.Kind, t.TimerId, t.DueAt, t.EffectId)));
        Assert.Equal(accepted.Timers().Select(t => (t.TimerId, t.Kind, t.DueAt)), accepted.State.Timers.Select(t => (t.TimerId, t.Kind, t.DueAt)));
    }

    [Fact]
    public void Configured_delays_are_used()
    {
        var schedule = Exact with
        {
            ExpertReminderAfter = TimeSpan.FromSeconds(2),
            CompanyFollowUpAfter = TimeSpan.FromSeconds(4),
            LastChanceAfter = TimeSpan.FromSeconds(6),
            AbandonAfter = TimeSpan.FromSeconds(8),
        };

        var accepted = Accept(null, Submitted("a"), T0, schedule);

        Assert.Equal([2, 4, 6, 8], accepted.Timers().Select(t => (t.DueAt - T0).TotalSeconds));
    }

    [Fact]
    public void With_business_hours_the_timeline_is_delivered_on_business_mornings()
    {
        // Monday 2 March 2026 19:00 Paris: +4 days is Friday 19:00 → Monday 9 March 09:00.
        var evening = new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.FromHours(1));

        var accepted = Accept(null, Submitted("a"), evening, WorkflowSchedule.Default);

        var due = accepted.Timers().ToDictionary(t => t.Kind, t => t.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(1)), due[TimerKind.Reminder]);
        Assert.Equal(BusinessCalendar.NextBusinessMorning(evening.AddDays(9)), due[TimerKind.CompanyFollowUp]);
        Assert.Equal(BusinessCalendar.NextBusinessMorning(evening.AddDays(21)), due[TimerKind.LastChance]);
        Assert.Equal(BusinessCalendar.NextBusinessMorning(evening.AddDays(45)), due[TimerKind.Abandon]);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(1)), due[TimerKind.CompanyFollowUp]);
        Assert.Equal(new DateTimeOffset(2026, 4, 17, 9, 0, 0, TimeSpan.FromHours(2)), due[TimerKind.Abandon]); // across the DST change
        Assert.All(due.Values, at => Assert.True(BusinessCalendar.IsBusinessHours(at)));
    }

    [Fact]
    public void A_submission_refreshes_the_inboxes_of_its_advisors_and_the_need_status()
    {
        var accepted = Accept(null, Submitted("a", "b"));

        var inbox = Assert.Single(accepted.Projections(ProjectionKind.AdvisorInbox));
        Assert.Equal(["a", "b"], inbox.AdvisorIds);
        Assert.Equal("need-1:projection:advisor_inbox:1", inbox.EffectId);
        Assert.Equal("need-1:projection:need_status:1", Assert.Single(accepted.Projections(ProjectionKind.NeedStatus)).EffectId);
    }

    [Fact]
    public void Without_advisor_the_need_goes_to_the_operators_and_the_company_is_told_the_team_is_on_it()
    {
        var accepted = Accept(null, Submitted());

        var alert = Assert.Single(accepted.Alerts());
        Assert.Equal((OperatorBasket.Unrouted, "need-1:alert:unrouted"), (alert.Basket, alert.EffectId));
        Assert.False(string.IsNullOrWhiteSpace(alert.Reason));
        var email = Assert.Single(accepted.Emails());
        Assert.Equal((EmailTemplate.CompanyConfirmationUnrouted, "camille.dupont@example.fr"), (email.Template, email.RecipientEmail));
        Assert.Empty(accepted.Timers());
        Assert.Empty(accepted.State.Timers);
        Assert.Empty(accepted.Projections(ProjectionKind.AdvisorInbox));
        Assert.Single(accepted.Projections(ProjectionKind.NeedStatus));
        Assert.True(accepted.State.IsUnrouted);
        Assert.Null(accepted.State.Timeline.DispatchedAt);
    }

    [Fact]
    public void An_advisor_routed_twice_gets_the_need_once()
    {
        var submitted = Submitted("a", "b") with { Advisors = [Advisor("a"), Advisor("b"), Advisor("a")] };

        var accepted = Accept(null, submitted);

        Assert.Equal(["a", "b"], accepted.State.Matches.Select(m => m.AdvisorId));
        Assert.Equal(["a", "b"], accepted.Emails(EmailTemplate.AdvisorNewNeed).Recipients());
    }

    [Fact]
    public void A_need_is_submitted_only_once() =>
        Assert.Equal(RejectionCode.AlreadySubmitted, Reject(Submit("a"), Submitted("a")).Code);

    [Fact]
    public void A_submission_without_need_id_is_invalid() =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(null, Submitted("a") with { NeedId = " " }).Code);

    public static TheoryData<NeedEvent> EventsOnAnExistingNeed() =>
    [
        new PositionChanged("a", MatchStatus.TakingCare),
        CommentPosted.ByAdvisor("a", "Bonjour"),
        new TimerDue("reminder", TimerKind.Reminder, T0),
        new NeedCancelled("ops@example.fr", "Doublon"),
        new AdvisorAdded("ops@example.fr", Advisor("z")),
    ];

    [Theory]
    [MemberData(nameof(EventsOnAnExistingNeed))]
    public void Any_other_event_for_an_unknown_need_is_rejected(NeedEvent @event) =>
        Assert.Equal(RejectionCode.UnknownNeed, Reject(null, @event).Code);

    [Fact]
    public void Deciding_again_gives_the_same_effect_ids_even_at_another_time()
    {
        var state = Submit("a", "b");
        var @event = new PositionChanged("a", MatchStatus.TakingCare);

        var first = Accept(state, @event, T0.AddHours(1));
        var retry = Accept(state, @event, T0.AddHours(1));
        var later = Accept(state, @event, T0.AddHours(2));

        Assert.Equal(first.Effects.Select(NeedJson.Serialize), retry.Effects.Select(NeedJson.Serialize));
        Assert.Equal(NeedJson.Serialize(first.State), NeedJson.Serialize(retry.State));
        Assert.Equal(first.Effects.Select(e => e.EffectId), later.Effects.Select(e => e.EffectId));
    }

    [Fact]
    public void Effect_ids_are_unique_within_a_decision()
    {
        var accepted = Accept(null, Submitted("a", "b", "c"));

        Assert.Equal(accepted.Effects.Count, accepted.Effects.Select(e => e.EffectId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(accepted.Effects, e => Assert.Equal(NeedId, e.NeedId));
        Assert.All(accepted.Effects, e => Assert.StartsWith("need-1:", e.EffectId, StringComparison.Ordinal));
    }
}
