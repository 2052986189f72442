using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class CommentTests
{
    // a takes care (the author below), b takes care, c closed unreachable, d quo, e refused, f done, g done without help.
    private static NeedState Thread() => Submit("a", "b", "c", "d", "e", "f", "g")
        .Position("a", MatchStatus.TakingCare)
        .Position("b", MatchStatus.TakingCare)
        .Position("c", MatchStatus.TakingCare).Position("c", MatchStatus.DoneNotReachable)
        .Position("e", MatchStatus.NotForMe)
        .Position("f", MatchStatus.TakingCare).Position("f", MatchStatus.Done)
        .Position("g", MatchStatus.TakingCare).Position("g", MatchStatus.DoneNoHelp);

    [Fact]
    public void An_advisors_comment_reaches_the_other_advisors_taking_care_or_closed_unreachable()
    {
        var state = Thread();
        var at = T0.AddDays(1);

        var posted = Accept(state, CommentPosted.ByAdvisor("a", "  J'appelle l'entreprise demain.  "), at);

        var emails = posted.Emails();
        Assert.Equal(["b", "c"], emails.Recipients());
        Assert.All(emails, e => Assert.Equal(EmailTemplate.AdvisorNewComment, e.Template));
        var comment = Assert.Single(posted.State.Comments);
        Assert.Equal(($"c{state.Version + 1}", "a", "Conseiller A", "Institution A", "J'appelle l'entreprise demain.", at), (comment.Id, comment.AuthorId, comment.AuthorName, comment.Institution, comment.Text, comment.At));
        Assert.All(emails, e => Assert.Equal(comment.Id, e.CommentId));
        Assert.Equal($"need-1:email:comment:{comment.Id}:b", emails[0].EffectId);
        Assert.Empty(posted.Projections(ProjectionKind.AdvisorInbox));
    }

    [Fact]
    public void An_operators_comment_also_reaches_the_advisors_still_quo()
    {
        var posted = Accept(Thread(), CommentPosted.ByOperator("ops@example.fr", "Merci de recontacter l'entreprise."));

        Assert.Equal(["a", "b", "c", "d"], posted.Emails().Recipients());
        var comment = Assert.Single(posted.State.Comments);
        Assert.Equal((NeedComment.OperatorAuthor, (string?)null), (comment.AuthorId, comment.Institution));
        Assert.False(string.IsNullOrWhiteSpace(comment.AuthorName));
    }

    [Fact]
    public void Any_advisor_of_the_need_may_comment_even_without_having_taken_it_on()
    {
        var posted = Accept(Thread(), CommentPosted.ByAdvisor("e", "Ce n'est pas pour nous, voyez la CCI."));

        Assert.Equal(["a", "b", "c"], posted.Emails().Recipients());
    }

    [Fact]
    public void Each_comment_has_its_own_email_ids()
    {
        var first = Accept(Thread(), CommentPosted.ByAdvisor("a", "Premier message"));
        var second = Accept(first.State, CommentPosted.ByAdvisor("a", "Second message"));

        Assert.Empty(first.Effects.Select(e => e.EffectId).Intersect(second.Effects.Select(e => e.EffectId)));
        Assert.Equal(2, second.State.Comments.Count);
        Assert.NotEqual(second.State.Comments[0].Id, second.State.Comments[1].Id);
    }

    [Fact]
    public void A_comment_from_an_advisor_the_need_was_not_sent_to_is_rejected() =>
        Assert.Equal(RejectionCode.UnknownAdvisor, Reject(Thread(), CommentPosted.ByAdvisor("z", "Bonjour")).Code);

    [Theory]
    [InlineData("a", null, "")]
    [InlineData("a", null, "   ")]
    [InlineData(null, null, "Bonjour")]
    [InlineData("a", "ops@example.fr", "Bonjour")]
    public void A_comment_needs_a_text_and_exactly_one_author(string? advisorId, string? operatorEmail, string text) =>
        Assert.Equal(RejectionCode.InvalidEvent, Reject(Thread(), new CommentPosted(advisorId, operatorEmail, text)).Code);
}
