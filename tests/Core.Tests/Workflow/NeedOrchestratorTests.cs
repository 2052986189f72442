using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Tests.Workflow;

/// <summary>
/// The per-need orchestration on the in-process Durable test host: dispatch, commands and their answers, the
/// debounced company notice, concurrency and emails that cannot go out yet. Delays are long here (an hour) unless a
/// test is about a timer, so that only what the test does happens.
/// </summary>
public sealed class NeedOrchestratorTests(OrchestrationHost host) : IClassFixture<OrchestrationHost>
{
    private static readonly WorkflowSchedule Calm = new()
    {
        BusinessHoursOnly = false,
        ExpertReminderAfter = TimeSpan.FromHours(1),
        CompanyFollowUpAfter = TimeSpan.FromHours(2),
        LastChanceAfter = TimeSpan.FromHours(3),
        AbandonAfter = TimeSpan.FromHours(4),
        CompanyNoticeDelay = TimeSpan.FromHours(1),
        CommentNoticeDelay = TimeSpan.FromHours(1),
    };

    [Fact]
    public async Task Dispatch_records_the_need_then_emails_every_advisor_and_the_company()
    {
        var needId = await host.StartNeedAsync(Calm, "a", "b", "c");

        await OrchestrationHost.WaitUntilAsync(() => host.Emails(needId).Count == 4);
        var first = host.LastRecord(needId);
        Assert.Equal(1, first.Sequence);
        Assert.Null(first.Outcome);
        Assert.Equal(["a", "b", "c"], first.InboxAdvisorIds);
        Assert.True(first.NeedLevelChanged, "a new need enters the stats");
        Assert.Equal(["a", "b", "c"], host.Emails(needId, EmailTemplate.AdvisorNewNeed).Select(e => e.Email.AdvisorId).Order());
        Assert.Single(host.Emails(needId, EmailTemplate.CompanyConfirmation));
        Assert.All(host.Emails(needId), e => Assert.Equal(1, e.Version));
    }

    [Fact]
    public async Task An_accepted_command_is_answered_with_the_new_state_and_touches_only_its_advisor()
    {
        var needId = await host.StartNeedAsync(Calm, "a", "b");

        var record = await host.SendAsync(needId, new PositionChanged("b", MatchStatus.TakingCare));

        Assert.True(record.Outcome!.IsAccepted);
        Assert.Equal(2, record.Outcome.Version);
        Assert.Equal(2, record.State.Version);
        Assert.Equal(MatchStatus.TakingCare, record.State.MatchOf("b")!.Status);
        Assert.Equal(["b"], record.InboxAdvisorIds);
        Assert.True(record.NeedLevelChanged, "the need went from quo to taking_care");
    }

    [Fact]
    public async Task An_impossible_transition_is_refused_against_the_latest_state_and_changes_nothing()
    {
        var needId = await host.StartNeedAsync(Calm, "a");

        var refused = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.Done));
        var taken = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        var closed = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.Done));

        Assert.Equal(RejectionCode.TransitionNotAllowed, refused.Outcome!.Rejection);
        Assert.Contains("Impossible de passer", refused.Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, refused.State.Version);
        Assert.Empty(refused.InboxAdvisorIds);
        Assert.True(taken.Outcome!.IsAccepted);
        Assert.True(closed.Outcome!.IsAccepted);
        Assert.Equal(3, closed.State.Version);
    }

    [Fact]
    public async Task Concurrent_commands_on_one_need_are_decided_one_after_the_other_and_none_is_lost()
    {
        var needId = await host.StartNeedAsync(Calm, "a", "b", "c");

        var records = await Task.WhenAll(
            host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare)),
            host.SendAsync(needId, new PositionChanged("b", MatchStatus.NotForMe, "Hors de notre champ")),
            host.SendAsync(needId, CommentPosted.ByAdvisor("c", "Je regarde aussi de mon côté.")),
            host.SendAsync(needId, CommentPosted.ByAdvisor("a", "Je l'appelle demain.")));

        Assert.All(records, r => Assert.True(r.Outcome!.IsAccepted));
        Assert.Equal([2L, 3, 4, 5], records.Select(r => r.State.Version).Order());
        var last = records.MaxBy(r => r.State.Version)!.State;
        Assert.Equal(MatchStatus.TakingCare, last.MatchOf("a")!.Status);
        Assert.Equal(MatchStatus.NotForMe, last.MatchOf("b")!.Status);
        Assert.Equal(2, last.Comments.Count);
    }

    [Fact]
    public async Task A_command_is_answered_while_an_email_waits_for_the_relay()
    {
        var needId = OrchestrationHost.NewNeedId();
        var confirmation = (string?)null;
        host.EmailAnswer = (input, attempt) =>
            input.NeedId == needId && input.Email.Template == EmailTemplate.CompanyConfirmation && attempt < 3
                ? EffectOutcome.Later(TimeSpan.FromSeconds(1))
                : EffectOutcome.Done;
        await host.StartNeedAsync(needId, Calm, "a");
        await OrchestrationHost.WaitUntilAsync(() =>
            (confirmation = host.Emails(needId, EmailTemplate.CompanyConfirmation).SingleOrDefault()?.Email.EffectId) is not null);

        var record = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        var answeredAt = DateTimeOffset.UtcNow;
        await OrchestrationHost.WaitUntilAsync(() => host.EmailAttempts.Count(a => a.Input.Email.EffectId == confirmation) == 3);

        Assert.True(record.Outcome!.IsAccepted);
        var attempts = host.EmailAttempts.Where(a => a.Input.Email.EffectId == confirmation).Select(a => a.At).Order().ToList();
        Assert.True(attempts[2] > answeredAt, "the command was answered before the deferred email went out");
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromSeconds(0.9), "the relay's Retry-After is honoured");
        Assert.True(attempts[2] - attempts[1] >= TimeSpan.FromSeconds(0.9), "and again");
    }

    [Fact]
    public async Task A_command_sent_twice_is_decided_once_and_answered_twice()
    {
        var needId = await host.StartNeedAsync(Calm, "a");
        var command = new NeedCommand(Guid.NewGuid().ToString("N"), CommentPosted.ByAdvisor("a", "Je le rappelle ce soir."));

        var first = await host.SendAsync(needId, command);
        host.Records.Clear();
        var second = await host.SendAsync(needId, command);

        Assert.Equal(first.Outcome, second.Outcome);
        Assert.Single(second.State.Comments);
        Assert.True(second.Sequence > first.Sequence, "the answer is written again, after the first");
    }
}
