using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class OperatorActionTests
{
    [Fact]
    public void An_added_advisor_gets_a_quo_match_and_the_need_by_email()
    {
        var state = Submit("a").Position("a", MatchStatus.NotForMe);
        var at = T0.AddDays(2);

        var added = Accept(state, new AdvisorAdded("ops@example.fr", Advisor("z")), at);

        var match = added.State.Match("z");
        Assert.Equal((MatchStatus.Quo, at), (match.Status, match.SentAt));
        var email = Assert.Single(added.Emails());
        Assert.Equal((EmailTemplate.AdvisorNewNeed, "z", "need-1:email:dispatch:z"), (email.Template, email.AdvisorId, email.EffectId));
        Assert.Empty(added.Timers()); // the timeline already runs from dispatch
        Assert.Equal(["z"], Assert.Single(added.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Single(added.Projections(ProjectionKind.NeedStatus)); // not_for_me → quo
        Assert.Equal(NeedStatus.Quo, added.State.Status);
    }

    [Fact]
    public void An_advisor_already_on_the_need_cannot_be_added_again() =>
        Assert.Equal(RejectionCode.AdvisorAlreadyPresent, Reject(Submit("a"), new AdvisorAdded("ops@example.fr", Advisor("a"))).Code);

    [Fact]
    public void Routing_an_unrouted_need_starts_its_timeline_from_then()
    {
        var at = T0.AddHours(5);

        var added = Accept(Submit(), new AdvisorAdded("ops@example.fr", Advisor("z")), at);

        Assert.False(added.State.IsUnrouted);
        Assert.Equal(at, added.State.Timeline.DispatchedAt);
        Assert.Equal([at.AddDays(4), at.AddDays(9), at.AddDays(21), at.AddDays(45)], added.Timers().Select(t => t.DueAt));
        Assert.Single(added.Projections(ProjectionKind.NeedStatus));
        Assert.Equal(["z"], added.Emails().Recipients());

        var second = Accept(added.State, new AdvisorAdded("ops@example.fr", Advisor("y")), at.AddHours(1));
        Assert.Empty(second.Timers());
        Assert.Empty(second.Projections(ProjectionKind.NeedStatus));
    }

    [Fact]
    public void A_cancelled_need_drops_its_timers_refreshes_every_inbox_and_tells_every_advisor()
    {
        var state = Submit("a", "b").Position("a", MatchStatus.TakingCare);

        var cancelled = Accept(state, new NeedCancelled("ops@example.fr", " Demande frauduleuse "), T0.AddHours(1));

        Assert.True(cancelled.State.IsCancelled);
        Assert.Equal(("ops@example.fr", "Demande frauduleuse", T0.AddHours(1)), (cancelled.State.Cancellation!.Operator, cancelled.State.Cancellation.Reason, cancelled.State.Cancellation.At));
        Assert.Empty(cancelled.State.Timers);
        Assert.Equal(
            [(EmailTemplate.AdvisorNeedCancelled, "a", "need-1:email:cancelled:a"), (EmailTemplate.AdvisorNeedCancelled, "b", "need-1:email:cancelled:b")],
            cancelled.Emails().Select(e => (e.Template, e.AdvisorId, e.EffectId)));
        Assert.Equal(["a", "b"], Assert.Single(cancelled.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Single(cancelled.Projections(ProjectionKind.NeedStatus));
        Assert.Equal(NeedStatus.Cancelled, cancelled.State.Status);
    }

    [Fact]
    public void A_cancellation_ends_the_open_matches_and_keeps_every_advisor_s_last_position()
    {
        var closedAt = T0.AddMinutes(30);
        var state = Submit("a", "b", "c", "d")
            .Position("a", MatchStatus.TakingCare)
            .Position("c", MatchStatus.NotForMe, closedAt)
            .Position("d", MatchStatus.TakingCare).Position("d", MatchStatus.Done, closedAt);
        var at = T0.AddHours(1);

        var cancelled = Accept(state, new NeedCancelled("ops@example.fr", "Doublon"), at).State;

        Assert.Equal(
            [MatchStatus.TakingCare, MatchStatus.Quo, MatchStatus.NotForMe, MatchStatus.Done],
            cancelled.Matches.Select(m => m.Status));
        Assert.Equal([at, at, closedAt, closedAt], cancelled.Matches.Select(m => m.ClosedAt));
        Assert.Equal(state.Matches.Select(m => m.UpdatedAt), cancelled.Matches.Select(m => m.UpdatedAt));
        Assert.Equal(state.Match("a").TakenOnAt, cancelled.Match("a").TakenOnAt);
        Assert.Equal(NeedStatus.Cancelled, cancelled.Status);
        Assert.False(cancelled.CanGiveSatisfaction);
        Assert.All(["a", "b", "c", "d"], advisor => Assert.Equal(
            RejectionCode.Cancelled,
            Reject(cancelled, new PositionChanged(advisor, MatchStatus.Quo)).Code));
    }

    [Fact]
    public void Every_advisor_who_received_the_need_is_told_of_its_cancellation_whatever_its_position()
    {
        var state = Submit("a", "b", "c")
            .Position("a", MatchStatus.NotForMe)
            .Position("b", MatchStatus.TakingCare).Position("b", MatchStatus.Done);

        var cancelled = Accept(state, new NeedCancelled("ops@example.fr", "Doublon"), T0.AddHours(1));

        var emails = cancelled.Emails().Where(e => e.Template == EmailTemplate.AdvisorNeedCancelled).ToList();
        Assert.Equal(["a", "b", "c"], emails.Select(e => e.AdvisorId));
        Assert.Equal(state.Matches.Select(m => m.AdvisorEmail), emails.Select(e => e.RecipientEmail));
        Assert.Equal(emails.Count, emails.Select(e => e.EffectId).Distinct().Count());
        // Deciding it again (a retry) gives the same effects, so the ledger sends each once.
        Assert.Equal(emails, Accept(state, new NeedCancelled("ops@example.fr", "Doublon"), T0.AddHours(1)).Emails().ToList());
    }

    public static TheoryData<NeedEvent> EventsRefusedOnceCancelled() =>
    [
        new PositionChanged("a", MatchStatus.TakingCare),
        CommentPosted.ByAdvisor("a", "Bonjour"),
        CommentPosted.ByOperator("ops@example.fr", "Bonjour"),
        new AdvisorAdded("ops@example.fr", Advisor("z")),
        new NeedCancelled("ops@example.fr", "Encore"),
    ];

    [Theory]
    [MemberData(nameof(EventsRefusedOnceCancelled))]
    public void A_cancelled_need_accepts_no_more_events(NeedEvent @event)
    {
        var cancelled = Submit("a").Then(new NeedCancelled("ops@example.fr", "Doublon"));

        var rejected = Reject(cancelled, @event);

        Assert.Equal(RejectionCode.Cancelled, rejected.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }

    [Fact]
    public void An_abandoned_need_can_still_be_cancelled()
    {
        var abandoned = Submit("a").Fire(TimerKind.Abandon).State;

        var cancelled = abandoned.Then(new NeedCancelled("ops@example.fr", "Spam"), T0.AddDays(50));

        Assert.True(cancelled.IsCancelled);
        Assert.Equal(NeedStatus.Cancelled, cancelled.Status);
        Assert.Equal(abandoned.Matches, cancelled.Matches); // nothing was open: the expired match keeps its closing
    }

    [Theory]
    [InlineData("", "Doublon")]
    [InlineData("ops@example.fr", " ")]
    public void A_cancellation_needs_an_operator_and_a_reason(string @operator, string reason) =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Submit("a"), new NeedCancelled(@operator, reason)).Code);
}
