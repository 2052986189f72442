using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>A need outside the catalogue goes to the operators, who choose its subject; the need then goes to the advisors found for it.</summary>
public sealed class OutsideCatalogueTests
{
    private const string Operator = "ops@example.fr";

    private static NeedSubmitted OutsideCatalogue() =>
        Submitted() with { SubjectId = null, SubjectLabel = NeedState.OutsideCatalogueLabel };

    [Fact]
    public void A_need_outside_the_catalogue_waits_for_the_operators_in_the_unrouted_basket()
    {
        var accepted = Accept(null, OutsideCatalogue());

        Assert.True(accepted.State.IsOutsideCatalogue);
        Assert.True(accepted.State.IsUnrouted);
        var alert = Assert.Single(accepted.Alerts());
        Assert.Equal(OperatorBasket.Unrouted, alert.Basket);
        Assert.StartsWith("Besoin hors catalogue", alert.Reason, StringComparison.Ordinal);
        Assert.Equal(EmailTemplate.CompanyConfirmationUnrouted, Assert.Single(accepted.Emails()).Template);
        Assert.Empty(accepted.Timers()); // the timeline starts once advisors have it
        Assert.Single(accepted.Projections(ProjectionKind.NeedSearch)); // findable by the operators from the start
    }

    [Fact]
    public void Choosing_its_subject_sends_it_to_the_advisors_found_and_starts_the_timeline()
    {
        var submitted = Accept(null, OutsideCatalogue()).State;
        var at = T0.AddHours(3);

        var chosen = Accept(submitted, new SubjectChosen(Operator, "tresorerie", "Difficultés de trésorerie", [Advisor("a"), Advisor("b"), Advisor("a")]), at);

        var state = chosen.State;
        Assert.Equal(("tresorerie", "Difficultés de trésorerie"), (state.SubjectId, state.SubjectLabel));
        Assert.Equal(new NeedSubjectChoice { Operator = Operator, At = at, PreviousSubjectId = null }, state.SubjectChoice);
        Assert.Equal(["a", "b"], state.Matches.Select(m => m.AdvisorId));
        Assert.Equal(["a", "b"], chosen.Emails(EmailTemplate.AdvisorNewNeed).Recipients());
        Assert.Equal(["a", "b"], Assert.Single(chosen.Projections(ProjectionKind.AdvisorInbox)).AdvisorIds);
        Assert.Single(chosen.Projections(ProjectionKind.NeedStatus)); // stats by subject, and no longer unrouted
        Assert.Single(chosen.Projections(ProjectionKind.NeedSearch)); // the search rows show the subject
        Assert.Equal(at, state.Timeline.DispatchedAt);
        Assert.Equal([at.AddDays(4), at.AddDays(9), at.AddDays(21), at.AddDays(45)], chosen.Timers().Select(t => t.DueAt));
        Assert.Empty(chosen.Emails(EmailTemplate.CompanyConfirmation)); // the company already got its confirmation
    }

    [Fact]
    public void A_subject_with_nobody_competent_keeps_the_need_unrouted_on_its_new_subject()
    {
        var chosen = Accept(Accept(null, OutsideCatalogue()).State, new SubjectChosen(Operator, "tresorerie", "Difficultés de trésorerie", []));

        Assert.True(chosen.State.IsUnrouted);
        Assert.False(chosen.State.IsOutsideCatalogue);
        Assert.Empty(chosen.Emails());
        Assert.Empty(chosen.Timers());
    }

    [Fact]
    public void An_unrouted_catalogue_need_can_be_routed_on_another_subject()
    {
        var chosen = Accept(Submit(), new SubjectChosen(Operator, "recrutement", "Recruter", [Advisor("z")]));

        Assert.Equal("tresorerie", chosen.State.SubjectChoice?.PreviousSubjectId);
        Assert.Equal(["z"], chosen.State.Matches.Select(m => m.AdvisorId));
        Assert.Empty(Accept(chosen.State, new PositionChanged("z", MatchStatus.TakingCare)).Projections(ProjectionKind.NeedSearch)); // a position changes no search row
    }

    [Fact]
    public void Once_advisors_have_the_need_its_subject_no_longer_changes() =>
        Assert.Equal(RejectionCode.AlreadyRouted, Reject(Submit("a"), new SubjectChosen(Operator, "recrutement", "Recruter", [Advisor("z")])).Code);

    [Theory]
    [InlineData("", "recrutement", "Recruter")]
    [InlineData(Operator, " ", "Recruter")]
    [InlineData(Operator, "recrutement", "")]
    public void A_choice_without_its_author_or_subject_is_invalid(string by, string subjectId, string label) =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Submit(), new SubjectChosen(by, subjectId, label, [])).Code);

    [Fact]
    public void A_cancelled_need_gets_no_subject() =>
        Assert.Equal(
            RejectionCode.Cancelled,
            Reject(Submit().Then(new NeedCancelled(Operator, "Doublon")), new SubjectChosen(Operator, "recrutement", "Recruter", [Advisor("z")])).Code);

    [Fact]
    public void The_choice_survives_the_state_json()
    {
        var state = Accept(Accept(null, OutsideCatalogue()).State, new SubjectChosen(Operator, "tresorerie", "Difficultés de trésorerie", [Advisor("a")]), T0).State;

        var roundTripped = NeedJson.DeserializeState(NeedJson.Serialize(state));

        Assert.Equal(state.SubjectChoice, roundTripped.SubjectChoice);
        Assert.Null(Accept(null, OutsideCatalogue()).State.SubjectId);
        Assert.Null(NeedJson.DeserializeState(NeedJson.Serialize(Accept(null, OutsideCatalogue()).State)).SubjectId);
    }
}
