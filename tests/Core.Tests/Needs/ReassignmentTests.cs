using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>An advisor leaving: its open match given to a colleague (<see cref="NeedReassigned"/>).</summary>
public sealed class ReassignmentTests
{
    private const string Ops = "ops@example.fr";

    [Fact]
    public void The_colleague_takes_the_leaving_advisors_place_gets_the_need_by_email_and_the_history_says_so()
    {
        var state = Submit("a", "b");
        var at = T0.AddDays(2);

        var reassigned = Accept(state, new NeedReassigned(Ops, "a", Advisor("z")), at);

        Assert.Equal(["z", "b"], reassigned.State.Matches.Select(m => m.AdvisorId)); // in the leaving advisor's place
        var match = reassigned.State.Match("z");
        Assert.Equal((MatchStatus.Quo, at, at), (match.Status, match.SentAt, match.UpdatedAt));
        var email = Assert.Single(reassigned.Emails());
        Assert.Equal((EmailTemplate.AdvisorNewNeed, "z", "need-1:email:dispatch:z"), (email.Template, email.AdvisorId, email.EffectId));
        Assert.Equal(["a", "z"], Assert.Single(reassigned.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        var history = Assert.Single(reassigned.State.Reassignments);
        Assert.Equal(
            (Ops, at, "a", "Conseiller A", "Institution A", MatchStatus.Quo, "z", "Conseiller Z", "Institution Z"),
            (history.Operator, history.At, history.FromAdvisorId, history.FromAdvisorName, history.FromInstitutionName, history.FromStatus,
                history.ToAdvisorId, history.ToAdvisorName, history.ToInstitutionName));
        Assert.Empty(reassigned.Timers()); // the timeline goes on as it was
        Assert.Equal(state.Timers, reassigned.State.Timers);
    }

    [Fact]
    public void A_need_the_leaving_advisor_was_taking_on_goes_to_the_colleague_with_no_answer_yet()
    {
        var state = Submit("a").Position("a", MatchStatus.TakingCare);

        var reassigned = Accept(state, new NeedReassigned(Ops, "a", Advisor("z")), T0.AddDays(3));

        Assert.Equal(MatchStatus.Quo, reassigned.State.Match("z").Status);
        Assert.Equal(MatchStatus.TakingCare, Assert.Single(reassigned.State.Reassignments).FromStatus);
        Assert.Equal(NeedStatus.Quo, reassigned.State.Status);
        Assert.Single(reassigned.Projections(ProjectionKind.NeedStatus)); // taking_care → quo
    }

    [Fact]
    public void Reminders_and_comment_notices_then_go_to_the_colleague_not_to_the_advisor_who_left()
    {
        var state = Submit("a", "b").Then(CommentPosted.ByOperator(Ops, "Pouvez-vous rappeler ?"));
        Assert.Contains(state.PendingCommentNotices, p => p.AdvisorId == "a");

        var reassigned = state.Then(new NeedReassigned(Ops, "a", Advisor("z")), T0.AddMinutes(1));

        Assert.DoesNotContain(reassigned.PendingCommentNotices, p => p.AdvisorId == "a");
        Assert.Equal(["b"], reassigned.Fire(TimerKind.CommentNotice).Emails().Select(e => e.AdvisorId));
        Assert.Equal(["z", "b"], reassigned.Fire(TimerKind.Reminder).Emails(EmailTemplate.AdvisorReminder).Select(e => e.AdvisorId));
    }

    [Theory]
    [InlineData(MatchStatus.Done)]
    [InlineData(MatchStatus.DoneNoHelp)]
    [InlineData(MatchStatus.DoneNotReachable)]
    [InlineData(MatchStatus.NotForMe)]
    public void A_need_the_advisor_closed_stays_its_own(MatchStatus closed)
    {
        var rejected = Reject(Submit("a", "b").WithStatus("a", closed), new NeedReassigned(Ops, "a", Advisor("z")));

        Assert.Equal(RejectionCode.TransitionNotAllowed, rejected.Code);
        Assert.Contains("clos", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_colleague_already_on_the_need_is_not_given_it_again() =>
        Assert.Equal(RejectionCode.AdvisorAlreadyPresent, Reject(Submit("a", "b"), new NeedReassigned(Ops, "a", Advisor("b"))).Code);

    [Fact]
    public void A_need_no_longer_the_advisors_is_unknown_to_it_so_that_a_retry_does_nothing()
    {
        var reassigned = Submit("a").Then(new NeedReassigned(Ops, "a", Advisor("z")));

        Assert.Equal(RejectionCode.UnknownAdvisor, Reject(reassigned, new NeedReassigned(Ops, "a", Advisor("z"))).Code);
    }

    [Fact]
    public void Reassigning_to_the_same_advisor_or_without_author_is_refused()
    {
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Submit("a"), new NeedReassigned(Ops, "a", Advisor("a"))).Code);
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Submit("a"), new NeedReassigned(" ", "a", Advisor("z"))).Code);
    }

    [Fact]
    public void A_cancelled_or_abandoned_need_is_not_reassigned()
    {
        Assert.Equal(RejectionCode.Cancelled,
            Reject(Submit("a").Then(new NeedCancelled(Ops, "Doublon")), new NeedReassigned(Ops, "a", Advisor("z"))).Code);
        var abandoned = Submit("a");
        foreach (var kind in new[] { TimerKind.Reminder, TimerKind.CompanyFollowUp, TimerKind.LastChance, TimerKind.Abandon })
        {
            abandoned = abandoned.Fire(kind).State;
        }

        Assert.Equal(RejectionCode.Closed, Reject(abandoned, new NeedReassigned(Ops, "a", Advisor("z"))).Code);
    }

    [Fact]
    public void The_event_and_the_history_round_trip_in_json()
    {
        var @event = new NeedReassigned(Ops, "a", Advisor("z"));
        var state = Submit("a").Then(@event);

        var json = NeedJson.Serialize(@event);

        Assert.StartsWith("{\"type\":\"need_reassigned\"", json, StringComparison.Ordinal);
        Assert.Equal("need_reassigned", NeedJson.EventType(@event));
        Assert.Equal(@event, NeedJson.DeserializeEvent(json));
        var stateJson = NeedJson.Serialize(state);
        Assert.Contains("\"fromStatus\":\"quo\"", stateJson, StringComparison.Ordinal);
        Assert.Equal(state.Reassignments, NeedJson.DeserializeState(stateJson).Reassignments);
    }
}
