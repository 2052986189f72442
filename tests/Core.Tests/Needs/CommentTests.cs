using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Core.Tests.Needs.NeedFixtures;

namespace ConseillersEntreprises.Core.Tests.Needs;

public sealed class CommentTests
{
    private static readonly WorkflowSchedule Schedule = new() { CommentNoticeDelay = TimeSpan.FromMinutes(5) };

    // a takes care (the author below), b takes care, c closed unreachable, d quo, e refused, f done, g done without help.
    private static NeedState Thread() => Submit("a", "b", "c", "d", "e", "f", "g")
        .Position("a", MatchStatus.TakingCare)
        .Position("b", MatchStatus.TakingCare)
        .Position("c", MatchStatus.TakingCare).Position("c", MatchStatus.DoneNotReachable)
        .Position("e", MatchStatus.NotForMe)
        .Position("f", MatchStatus.TakingCare).Position("f", MatchStatus.Done)
        .Position("g", MatchStatus.TakingCare).Position("g", MatchStatus.DoneNoHelp);

    private static string[] Pending(NeedState state) => [.. state.PendingCommentNotices.Select(p => p.AdvisorId).Distinct()];

    [Fact]
    public void A_comment_is_stored_and_starts_one_notice_timer_instead_of_emailing_at_once()
    {
        var state = Thread();
        var at = T0.AddDays(1);

        var posted = Accept(state, CommentPosted.ByAdvisor("a", "  J'appelle l'entreprise demain.  "), at, Schedule);

        var comment = Assert.Single(posted.State.Comments);
        Assert.Equal(($"c{state.Version + 1}", "a", "Conseiller A", "Institution A", "J'appelle l'entreprise demain.", at), (comment.Id, comment.AuthorId, comment.AuthorName, comment.Institution, comment.Text, comment.At));
        Assert.Empty(posted.Emails());
        var timer = Assert.Single(posted.Timers());
        Assert.Equal((TimerKind.CommentNotice, $"comment-notice-{state.Version + 1}", at.AddMinutes(5)), (timer.Kind, timer.TimerId, timer.DueAt));
        Assert.Empty(posted.Projections(ProjectionKind.AdvisorInbox));
    }

    [Fact]
    public void An_advisors_comment_reaches_the_other_advisors_taking_care_or_closed_unreachable()
    {
        var posted = Accept(Thread(), CommentPosted.ByAdvisor("a", "J'appelle l'entreprise demain."), T0.AddDays(1), Schedule);
        Assert.Equal(["b", "c"], Pending(posted.State));

        var notice = posted.State.Fire(TimerKind.CommentNotice);

        var emails = notice.Emails();
        Assert.Equal(["b", "c"], emails.Recipients());
        Assert.All(emails, e => Assert.Equal(EmailTemplate.AdvisorNewComment, e.Template));
        Assert.All(emails, e => Assert.Equal([posted.State.Comments[0].Id], e.CommentIds));
        var timerId = posted.State.Timer(TimerKind.CommentNotice).TimerId;
        Assert.Equal($"need-1:email:comments:{timerId}:b", emails[0].EffectId);
        Assert.Empty(Pending(notice.State));
        Assert.DoesNotContain(notice.State.Timers, t => t.Kind == TimerKind.CommentNotice);
    }

    [Fact]
    public void An_operators_comment_also_reaches_the_advisors_still_quo()
    {
        var posted = Accept(Thread(), CommentPosted.ByOperator("ops@example.fr", "Merci de recontacter l'entreprise."), schedule: Schedule);

        Assert.Equal(["a", "b", "c", "d"], posted.State.Fire(TimerKind.CommentNotice).Emails().Recipients());
        var comment = Assert.Single(posted.State.Comments);
        Assert.Equal((NeedComment.OperatorAuthor, (string?)null), (comment.AuthorId, comment.Institution));
        Assert.False(string.IsNullOrWhiteSpace(comment.AuthorName));
    }

    [Fact]
    public void Any_advisor_of_the_need_may_comment_even_without_having_taken_it_on()
    {
        var posted = Accept(Thread(), CommentPosted.ByAdvisor("e", "Ce n'est pas pour nous, voyez la CCI."), schedule: Schedule);

        Assert.Equal(["a", "b", "c"], posted.State.Fire(TimerKind.CommentNotice).Emails().Recipients());
    }

    [Fact]
    public void Comments_within_the_delay_make_one_email_per_advisor_quoting_each_comment_they_did_not_write()
    {
        var first = Accept(Thread(), CommentPosted.ByAdvisor("a", "Premier message"), T0.AddDays(1), Schedule);
        var second = Accept(first.State, CommentPosted.ByAdvisor("b", "Réponse de B"), T0.AddDays(1).AddMinutes(2), Schedule);
        var third = Accept(second.State, CommentPosted.ByAdvisor("a", "Troisième message"), T0.AddDays(1).AddMinutes(4), Schedule);

        Assert.Empty(second.Timers());
        Assert.Empty(third.Timers());
        Assert.Equal(T0.AddDays(1).AddMinutes(5), third.State.Timer(TimerKind.CommentNotice).DueAt); // not pushed back
        var ids = third.State.Comments.Select(c => c.Id).ToArray();

        var emails = third.State.Fire(TimerKind.CommentNotice).Emails();

        Assert.Equal(["a", "b", "c"], emails.Recipients());
        Assert.Equal([ids[1]], emails[0].CommentIds);             // a: B's answer only
        Assert.Equal([ids[0], ids[2]], emails[1].CommentIds);     // b: both of A's, oldest first
        Assert.Equal([ids[0], ids[1], ids[2]], emails[2].CommentIds);
    }

    [Fact]
    public void A_comment_after_the_notice_starts_a_new_window_with_its_own_email_ids()
    {
        var first = Accept(Thread(), CommentPosted.ByAdvisor("a", "Premier message"), schedule: Schedule);
        var told = first.State.Fire(TimerKind.CommentNotice);
        var second = Accept(told.State, CommentPosted.ByAdvisor("a", "Second message"), T0.AddDays(2), Schedule);
        var toldAgain = second.State.Fire(TimerKind.CommentNotice);

        Assert.Single(second.Timers());
        Assert.NotEqual(first.State.Timer(TimerKind.CommentNotice).TimerId, second.State.Timer(TimerKind.CommentNotice).TimerId);
        Assert.Empty(told.Emails().Select(e => e.EffectId).Intersect(toldAgain.Emails().Select(e => e.EffectId)));
        Assert.All(toldAgain.Emails(), e => Assert.Equal([second.State.Comments[1].Id], e.CommentIds));
    }

    [Fact]
    public void A_notice_timer_delivered_twice_emails_once()
    {
        var posted = Accept(Thread(), CommentPosted.ByAdvisor("a", "Premier message"), schedule: Schedule);
        var due = posted.State.Due(TimerKind.CommentNotice);
        var told = Accept(posted.State, due, due.ScheduledFor);

        Assert.True(Accept(told.State, due, due.ScheduledFor).IsNoOp);
    }

    [Fact]
    public void A_comment_nobody_else_is_concerned_by_schedules_nothing()
    {
        var posted = Accept(Submit("a", "b").Position("a", MatchStatus.TakingCare), CommentPosted.ByAdvisor("a", "Note pour moi-même"), schedule: Schedule);

        Assert.Single(posted.State.Comments);
        Assert.Empty(posted.Timers());
        Assert.Empty(Pending(posted.State));
    }

    [Fact]
    public void Comments_pending_when_the_need_is_abandoned_are_still_told()
    {
        var state = Submit("a", "b").Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Quo);
        var posted = Accept(state, CommentPosted.ByOperator("ops@example.fr", "Quelqu'un peut-il rappeler ?"), T0.AddDays(44).AddHours(23), Schedule);

        var abandoned = posted.State.Fire(TimerKind.Abandon);
        var notice = abandoned.State.Fire(TimerKind.CommentNotice);

        Assert.True(abandoned.State.IsAbandoned);
        Assert.Equal(["a", "b"], notice.Emails().Recipients());
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
