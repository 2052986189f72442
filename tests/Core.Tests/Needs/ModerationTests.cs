using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>A doubtful submission waits in the review basket; an operator approves it (dispatched at once) or rejects it.</summary>
public sealed class ModerationTests
{
    private const string Operator = "ops@example.fr";

    private static NeedSubmitted Held(params HoldReason[] reasons) => Submitted("a", "b") with { HoldReasons = reasons };

    private static NeedState HeldState(params HoldReason[] reasons) => Accept(null, Held(reasons)).State;

    [Fact]
    public void A_held_submission_goes_to_nobody_waits_in_the_review_basket_and_the_person_gets_the_cautious_confirmation()
    {
        var accepted = Accept(null, Held(HoldReason.DuplicateEmail));

        Assert.True(accepted.State.IsHeld);
        Assert.Empty(accepted.State.Matches); // the routing's advisors are not told
        Assert.Equal([HoldReason.DuplicateEmail], accepted.State.Moderation?.Reasons);
        Assert.Equal(T0, accepted.State.Moderation?.HeldAt);
        var alert = Assert.Single(accepted.Alerts());
        Assert.Equal(OperatorBasket.Review, alert.Basket);
        Assert.False(alert.EmailOperators); // the basket only: a burst of robots never floods the team's mailbox
        Assert.Equal("À vérifier avant transmission : même adresse email sur le même sujet récemment.", alert.Reason);
        var email = Assert.Single(accepted.Emails());
        Assert.Equal((EmailTemplate.CompanyConfirmationUnrouted, Contact.Email), (email.Template, email.RecipientEmail));
        Assert.Empty(accepted.Timers());
        Assert.Null(accepted.State.Timeline.DispatchedAt);
        Assert.True(OperatorBasketRules.StillApplies(OperatorBasket.Review, accepted.State));
        Assert.False(OperatorBasketRules.StillApplies(OperatorBasket.Unrouted, accepted.State));
        Assert.Null(NeedStatsRow.Of(accepted.State, "t", "75")); // not counted while held
    }

    [Fact]
    public void Behind_a_robot_sign_nobody_is_written_to()
    {
        var accepted = Accept(null, Held(HoldReason.Honeypot, HoldReason.FilledTooFast));

        Assert.Empty(accepted.Emails());
        Assert.Single(accepted.Alerts());
    }

    [Fact]
    public void Approving_dispatches_it_at_once_to_the_advisors_found_now_and_starts_the_timeline()
    {
        var at = T0.AddHours(2);
        var approved = Accept(HeldState(HoldReason.DuplicateSiret), new NeedApproved(Operator, [Advisor("c"), Advisor("d"), Advisor("c")]), at);

        Assert.False(approved.State.IsHeld);
        Assert.Equal(["c", "d"], approved.State.Matches.Select(m => m.AdvisorId));
        Assert.Equal((Operator, at), (approved.State.Moderation?.ApprovedBy, approved.State.Moderation?.ApprovedAt));
        Assert.Equal(["c", "d", Contact.Email], approved.Emails().Recipients());
        Assert.Equal(EmailTemplate.CompanyConfirmation, approved.Emails(EmailTemplate.CompanyConfirmation).Single().Template);
        Assert.Equal(at, approved.State.Timeline.DispatchedAt);
        Assert.Contains(approved.Timers(), t => t.Kind == TimerKind.Reminder);
        Assert.False(OperatorBasketRules.StillApplies(OperatorBasket.Review, approved.State));
        Assert.Single(approved.Projections(ProjectionKind.NeedStatus)); // now counted in the stats
        Assert.NotNull(NeedStatsRow.Of(approved.State, "t", "75"));
    }

    [Fact]
    public void Approved_with_nobody_found_it_waits_in_the_unrouted_basket_and_a_robot_suspect_gets_its_first_confirmation_then()
    {
        var approved = Accept(HeldState(HoldReason.Honeypot), new NeedApproved(Operator, []));

        Assert.True(approved.State.IsUnrouted);
        Assert.Equal(OperatorBasket.Unrouted, Assert.Single(approved.Alerts()).Basket);
        Assert.Equal(EmailTemplate.CompanyConfirmationUnrouted, Assert.Single(approved.Emails()).Template);
        Assert.True(OperatorBasketRules.StillApplies(OperatorBasket.Unrouted, approved.State));
    }

    [Fact]
    public void Rejecting_closes_it_tells_the_company_politely_and_no_advisor_ever()
    {
        var at = T0.AddHours(1);
        var rejected = Accept(HeldState(HoldReason.BlockedDomain), new NeedRejected(Operator, "  Démarchage commercial  "), at);

        Assert.True(rejected.State.IsCancelled);
        Assert.False(rejected.State.IsHeld);
        Assert.Equal((Operator, at, "Démarchage commercial"),
            (rejected.State.Moderation?.RejectedBy, rejected.State.Moderation?.RejectedAt, rejected.State.Moderation?.RejectionReason));
        var email = Assert.Single(rejected.Emails());
        Assert.Equal((EmailTemplate.CompanyNeedRejected, Contact.Email), (email.Template, email.RecipientEmail));
        Assert.Empty(rejected.State.Matches);
        Assert.False(OperatorBasketRules.StillApplies(OperatorBasket.Review, rejected.State));
        Assert.Null(NeedStatsRow.Of(rejected.State, "t", "75"));
    }

    [Fact]
    public void A_robot_suspect_rejected_gets_no_email() =>
        Assert.Empty(Accept(HeldState(HoldReason.Honeypot), new NeedRejected(Operator, "Robot")).Emails());

    [Fact]
    public void The_same_decision_twice_answers_with_the_need_as_it_is_the_opposite_one_is_refused()
    {
        var approved = HeldState(HoldReason.FilledTooFast).Then(new NeedApproved(Operator, [Advisor("c")]));
        var rejected = HeldState(HoldReason.FilledTooFast).Then(new NeedRejected(Operator, "Spam"));

        Assert.Equal(RejectionCode.AlreadyInStatus, Reject(approved, new NeedApproved(Operator, [Advisor("c")])).Code);
        Assert.Equal(RejectionCode.AlreadyInStatus, Reject(rejected, new NeedRejected(Operator, "Spam")).Code);
        Assert.Equal(RejectionCode.AlreadyModerated, Reject(approved, new NeedRejected(Operator, "Spam")).Code);
        Assert.Equal(RejectionCode.AlreadyModerated, Reject(rejected, new NeedApproved(Operator, [])).Code);
    }

    [Fact]
    public void A_need_never_held_cannot_be_approved_or_rejected()
    {
        var state = Submit("a");

        var approve = Reject(state, new NeedApproved(Operator, []));
        Assert.Equal(RejectionCode.NotHeld, approve.Code);
        Assert.Equal("Ce besoin n'attend pas de vérification : il a été transmis dès son dépôt.", approve.Message);
        Assert.Equal(RejectionCode.NotHeld, Reject(state, new NeedRejected(Operator, "Spam")).Code);
    }

    [Fact]
    public void While_held_no_advisor_can_be_added_nor_a_subject_chosen_but_it_can_be_cancelled()
    {
        var held = HeldState(HoldReason.DuplicateEmail);

        Assert.Equal(RejectionCode.Held, Reject(held, new AdvisorAdded(Operator, Advisor("z"))).Code);
        Assert.Equal(RejectionCode.Held, Reject(held, new SubjectChosen(Operator, "s", "S", [Advisor("z")])).Code);
        var cancelled = Accept(held, new NeedCancelled(Operator, "Test"));
        Assert.False(cancelled.State.IsHeld);
        Assert.Empty(cancelled.Emails());
        Assert.Equal(RejectionCode.Cancelled, Reject(cancelled.State, new NeedApproved(Operator, [])).Code);
    }

    [Fact]
    public void A_rejection_needs_a_reason() =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(HeldState(HoldReason.Honeypot), new NeedRejected(Operator, " ")).Code);

    [Fact]
    public void The_moderation_and_its_events_survive_the_json_round_trip()
    {
        var state = HeldState(HoldReason.Honeypot, HoldReason.DuplicateSiret).Then(new NeedRejected(Operator, "Robot"));

        var again = NeedJson.DeserializeState(NeedJson.Serialize(state));
        Assert.Equal([HoldReason.Honeypot, HoldReason.DuplicateSiret], again.Moderation?.Reasons);
        Assert.Equal("Robot", again.Moderation?.RejectionReason);
        Assert.Contains("\"honeypot\"", NeedJson.Serialize(state), StringComparison.Ordinal);
        Assert.IsType<NeedApproved>(NeedJson.DeserializeEvent(NeedJson.Serialize(new NeedApproved(Operator, [Advisor("a")]))));
        Assert.Equal("need_rejected", NeedJson.EventType(new NeedRejected(Operator, "x")));
        var held = Assert.IsType<NeedSubmitted>(NeedJson.DeserializeEvent(NeedJson.Serialize(Held(HoldReason.FilledTooFast))));
        Assert.Equal([HoldReason.FilledTooFast], held.HoldReasons);
    }
}
