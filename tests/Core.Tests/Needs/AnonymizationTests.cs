using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Stats;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class AnonymizationTests
{
    private const string Description = "Nous avons un retard de paiement important d'un client et devons payer nos fournisseurs.";

    /// <summary>A need that went through everything that writes free text: position comments, the thread, the satisfaction.</summary>
    private static NeedState Lived() => Submit("a", "b")
        .Then(new PositionChanged("b", MatchStatus.NotForMe, "Hors de notre champ, voyez Mme Martin au 05 53 00 00 00"), T0.AddHours(1))
        .Then(CommentPosted.ByAdvisor("a", "J'ai appelé Camille Dupont, rappel demain"), T0.AddHours(2))
        .Then(CommentPosted.ByOperator("ops@example.fr", "Dossier suivi par l'équipe"), T0.AddHours(3))
        .Then(new PositionChanged("a", MatchStatus.TakingCare), T0.AddHours(4))
        .Then(new PositionChanged("a", MatchStatus.Done, "Plan de trésorerie fait avec M. Dupont"), T0.AddDays(2))
        .Then(new SatisfactionGiven(SatisfactionHelped.Yes, "Merci à Camille du 06 12 34 56 78"), T0.AddDays(12));

    [Fact]
    public void Anonymising_replaces_every_personal_field_and_keeps_the_rest()
    {
        var lived = Lived();
        var at = T0.AddYears(3);

        var anonymized = Accept(lived, new NeedAnonymized(AnonymizationReason.Retention), at);

        var state = anonymized.State;
        var json = NeedJson.Serialize(state);
        foreach (var personal in new[] { "Camille", "camille.dupont@example.fr", "0612345678", Description, "Martin", "rappel demain", "Plan de trésorerie", "Merci", "suivi par l'équipe" })
        {
            Assert.DoesNotContain(personal, json, StringComparison.Ordinal);
        }

        Assert.Equal(NeedPersonalData.Redacted, state.Description);
        Assert.Equal((NeedPersonalData.Redacted, "", "", ""), (state.Contact.FirstName, state.Contact.LastName, state.Contact.Email, state.Contact.Phone));
        Assert.All(state.Comments, c => Assert.Equal(NeedPersonalData.Redacted, c.Text));
        Assert.Equal([NeedPersonalData.Redacted, NeedPersonalData.Redacted], state.Matches.Select(m => m.PositionComment));
        Assert.Equal((SatisfactionHelped.Yes, NeedPersonalData.Redacted), (state.Satisfaction!.Helped, state.Satisfaction.Comment));
        Assert.Equal(new NeedAnonymization { Reason = AnonymizationReason.Retention, At = at }, state.Anonymization);
        Assert.True(state.IsAnonymized);

        // What is not personal stays: the company's registry facts, the advisors, statuses, dates, comment authors.
        Assert.Equal(lived.Company, state.Company);
        Assert.Equal(lived.Matches.Select(m => (m.AdvisorId, m.AdvisorName, m.Status, m.SentAt, m.TakenOnAt, m.ClosedAt)),
            state.Matches.Select(m => (m.AdvisorId, m.AdvisorName, m.Status, m.SentAt, m.TakenOnAt, m.ClosedAt)));
        Assert.Equal(lived.Comments.Select(c => (c.Id, c.AuthorName, c.At)), state.Comments.Select(c => (c.Id, c.AuthorName, c.At)));
        Assert.Equal((lived.Status, lived.CreatedAt, lived.SubjectLabel, lived.Timeline), (state.Status, state.CreatedAt, state.SubjectLabel, state.Timeline));
        Assert.Equal(lived.Version + 1, state.Version);
    }

    [Fact]
    public void The_stats_row_is_the_same_before_and_after()
    {
        var lived = Lived();

        var anonymized = Accept(lived, new NeedAnonymized(AnonymizationReason.Retention), T0.AddYears(3));

        Assert.Equal(NeedStatsRow.Of(lived, "tresorerie", "75"), NeedStatsRow.Of(anonymized.State, "tresorerie", "75"));
        Assert.Empty(anonymized.Projections(ProjectionKind.NeedStatus));
        Assert.Empty(anonymized.Projections(ProjectionKind.NeedSearch)); // the search rows are the anonymiser's to rewrite or delete
        Assert.Empty(anonymized.Emails());
    }

    [Fact]
    public void An_anonymised_need_ends_its_workflow_and_accepts_nothing_more()
    {
        var open = Submit("a").Then(CommentPosted.ByOperator("ops@example.fr", "Un mot"), T0.AddMinutes(1));
        Assert.NotEmpty(open.Timers);

        var state = Accept(open, new NeedAnonymized(AnonymizationReason.Request, "ops@example.fr"), T0.AddHours(1)).State;

        Assert.Empty(state.Timers);
        Assert.Empty(state.PendingCommentNotices);
        Assert.Equal("ops@example.fr", state.Anonymization!.Operator);
        Assert.False(state.CanGiveSatisfaction);
        foreach (var later in new NeedEvent[]
        {
            new PositionChanged("a", MatchStatus.TakingCare),
            CommentPosted.ByOperator("ops@example.fr", "Encore"),
            new NeedCancelled("ops@example.fr", "Doublon"),
            new NeedAnonymized(AnonymizationReason.Retention),
        })
        {
            Assert.Equal(RejectionCode.Anonymized, Reject(state, later, T0.AddHours(2)).Code);
        }

        Assert.True(Assert.IsType<Accepted>(NeedDecider.Decide(state, new TimerDue("reminder", TimerKind.Reminder, T0.AddDays(4)), T0.AddDays(4), Exact)).IsNoOp);
    }

    [Fact]
    public void A_cancelled_or_abandoned_need_is_anonymised_too_and_an_operators_reason_goes_with_it()
    {
        var cancelled = Submit("a").Then(new NeedCancelled("ops@example.fr", "Doublon de la demande de M. Dupont"), T0.AddHours(1));

        var state = Accept(cancelled, new NeedAnonymized(AnonymizationReason.Retention), T0.AddYears(3)).State;

        Assert.Equal(NeedPersonalData.Redacted, state.Cancellation!.Reason);
        Assert.True(state.IsCancelled);
    }

    [Fact]
    public void The_erasure_cancellation_reason_is_kept_it_is_the_services_own_words()
    {
        var cancelled = Submit("a").Then(new NeedCancelled("ops@example.fr", NeedCancellation.ErasureReason), T0.AddHours(1));

        var state = Accept(cancelled, new NeedAnonymized(AnonymizationReason.Request, "ops@example.fr"), T0.AddHours(1)).State;

        Assert.Equal(NeedCancellation.ErasureReason, state.Cancellation!.Reason);
    }

    [Fact]
    public void An_erasure_names_its_operator() =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Submit("a"), new NeedAnonymized(AnonymizationReason.Request, " ")).Code);

    [Fact]
    public void Anonymising_twice_changes_nothing_more()
    {
        var once = NeedPersonalData.Anonymize(Lived());

        Assert.Equal(NeedJson.Serialize(once), NeedJson.Serialize(NeedPersonalData.Anonymize(once)));
    }

    [Fact]
    public void The_anonymisation_round_trips_through_json()
    {
        var state = Accept(Lived(), new NeedAnonymized(AnonymizationReason.Request, "ops@example.fr"), T0.AddDays(20)).State;

        var json = NeedJson.Serialize(state);

        Assert.Contains("\"anonymization\":{\"reason\":\"request\"", json, StringComparison.Ordinal);
        Assert.Equal(state.Anonymization, NeedJson.DeserializeState(json).Anonymization);
        Assert.Equal(NeedAnonymized.TypeName, NeedJson.EventType(NeedJson.DeserializeEvent(NeedJson.Serialize(new NeedAnonymized(AnonymizationReason.Retention)))));
    }
}
