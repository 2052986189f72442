using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Tests.Workflow;

/// <summary>
/// The timeline of a need as the orchestration runs it, on durable timers of a few seconds (the test host's timers
/// use the wall clock): reminders, follow-up, last chance, abandonment, and what a decision cancels.
/// </summary>
public sealed class NeedTimelineOrchestrationTests(OrchestrationHost host) : IClassFixture<OrchestrationHost>
{
    private static readonly WorkflowSchedule Seconds = new()
    {
        BusinessHoursOnly = false,
        ExpertReminderAfter = TimeSpan.FromSeconds(1),
        CompanyFollowUpAfter = TimeSpan.FromSeconds(2),
        LastChanceAfter = TimeSpan.FromSeconds(3),
        AbandonAfter = TimeSpan.FromSeconds(4),
        CompanyNoticeDelay = TimeSpan.FromSeconds(1),
        CommentNoticeDelay = TimeSpan.FromSeconds(1),
        SatisfactionAfter = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public async Task A_need_nobody_answers_is_reminded_followed_up_given_a_last_chance_then_abandoned()
    {
        var started = DateTimeOffset.UtcNow;
        var needId = await host.StartNeedAsync(Seconds, "a", "b");

        await OrchestrationHost.WaitUntilAsync(() => host.Emails(needId, EmailTemplate.CompanyFallback).Count == 1);

        Assert.Equal(["a", "b"], host.Emails(needId, EmailTemplate.AdvisorReminder).Select(e => e.Email.AdvisorId).Order());
        Assert.Single(host.Emails(needId, EmailTemplate.CompanyStillFollowing));
        Assert.Equal(["a", "b"], host.Emails(needId, EmailTemplate.AdvisorLastChance).Select(e => e.Email.AdvisorId).Order());
        Assert.Equal(
            [OperatorBasket.NoAnswer, OperatorBasket.LastChance, OperatorBasket.Abandoned],
            host.Alerts.Where(a => a.NeedId == needId).Select(a => a.Alert.Basket));
        var last = host.LastRecord(needId).State;
        Assert.True(last.IsAbandoned);
        Assert.All(last.Matches, m => Assert.Equal(MatchStatus.Expired, m.Status));
        Assert.Empty(last.Timers);
        var fallback = host.EmailAttempts.Single(a => a.Input.NeedId == needId && a.Input.Email.Template == EmailTemplate.CompanyFallback);
        Assert.True(fallback.At - started >= TimeSpan.FromSeconds(4), "abandonment waits for its delay");
    }

    [Fact]
    public async Task A_need_taken_on_tells_the_company_once_and_gets_no_follow_up()
    {
        var needId = await host.StartNeedAsync(Seconds with { ExpertReminderAfter = TimeSpan.FromSeconds(3) }, "a", "b");

        await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        await host.SendAsync(needId, new PositionChanged("b", MatchStatus.TakingCare));
        await OrchestrationHost.WaitUntilAsync(() => host.LastRecord(needId).State.Timers.All(t => t.Kind != TimerKind.Abandon));

        var notice = Assert.Single(host.Emails(needId, EmailTemplate.CompanyTakenOn));
        Assert.Equal(["a", "b"], notice.Email.Advisors.Select(a => a.AdvisorId).Order());
        Assert.Empty(host.Emails(needId, EmailTemplate.AdvisorReminder));
        Assert.Empty(host.Emails(needId, EmailTemplate.CompanyStillFollowing));
        Assert.Empty(host.Emails(needId, EmailTemplate.CompanyFallback));
        Assert.DoesNotContain(host.Alerts, a => a.NeedId == needId);
    }

    [Fact]
    public async Task A_need_every_advisor_refuses_gets_the_fallback_reply_at_once()
    {
        var needId = await host.StartNeedAsync(Seconds with { ExpertReminderAfter = TimeSpan.FromMinutes(5) }, "a", "b");

        await host.SendAsync(needId, new PositionChanged("a", MatchStatus.NotForMe));
        var last = await host.SendAsync(needId, new PositionChanged("b", MatchStatus.NotForMe));
        await OrchestrationHost.WaitUntilAsync(() => host.Emails(needId, EmailTemplate.CompanyFallback).Count == 1);

        Assert.Equal(OperatorBasket.Refused, (await OrchestrationHost.WaitForAsync(() => host.Alerts.FirstOrDefault(a => a.NeedId == needId))).Alert.Basket);
        Assert.Equal(NeedStatus.NotForMe, last.State.Status);
    }

    [Fact]
    public async Task A_cancelled_need_stops_its_timeline_and_refuses_later_commands()
    {
        var schedule = Seconds with { ExpertReminderAfter = TimeSpan.FromSeconds(2) };
        var needId = await host.StartNeedAsync(schedule, "a");
        var control = await host.StartNeedAsync(schedule, "a"); // the same timeline, left to run: it shows when the reminder was due

        var cancelled = await host.SendAsync(needId, new NeedCancelled("operateur@example.fr", "Doublon d'une autre demande"));
        var refused = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        await OrchestrationHost.WaitUntilAsync(() => host.Emails(control, EmailTemplate.CompanyFallback).Count == 1);

        Assert.True(cancelled.State.IsCancelled);
        Assert.Empty(cancelled.State.Timers);
        Assert.Equal(RejectionCode.Cancelled, refused.Outcome!.Rejection);
        Assert.Single(host.Emails(control, EmailTemplate.AdvisorReminder));
        Assert.Empty(host.Emails(needId, EmailTemplate.AdvisorReminder));
        Assert.Empty(host.Emails(needId, EmailTemplate.CompanyFallback));
    }

    [Fact]
    public async Task Comments_are_told_once_per_advisor_after_the_notice_delay()
    {
        var needId = await host.StartNeedAsync(Seconds with { ExpertReminderAfter = TimeSpan.FromMinutes(5), CompanyNoticeDelay = TimeSpan.FromMinutes(5) }, "a", "b");
        await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));

        await host.SendAsync(needId, CommentPosted.ByAdvisor("b", "Avez-vous pu le joindre ?"));
        await host.SendAsync(needId, CommentPosted.ByAdvisor("b", "Je peux proposer un rendez-vous jeudi."));
        var notice = await OrchestrationHost.WaitForAsync(() => host.Emails(needId, EmailTemplate.AdvisorNewComment).SingleOrDefault());

        Assert.Equal("a", notice.Email.AdvisorId);
        Assert.Equal(2, notice.Email.CommentIds.Count);
    }

    [Fact]
    public async Task Once_its_timeline_is_over_a_long_lived_need_continues_as_new_and_keeps_its_state_and_answers()
    {
        var needId = await host.StartNeedAsync(Seconds with { ExpertReminderAfter = TimeSpan.FromSeconds(2) }, "a", "b");
        await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        await host.SendAsync(needId, new PositionChanged("a", MatchStatus.Done));
        await OrchestrationHost.WaitUntilAsync(() => host.LastRecord(needId).State.Timers.Count == 0 && host.Emails(needId, EmailTemplate.CompanySatisfactionSurvey).Count == 1);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last timers of the timeline are due and fire now
        var count = NeedOrchestrator.MessagesPerGeneration + 5;

        var records = new List<RecordDecisionInput>();
        for (var i = 0; i < count; i++)
        {
            records.Add(await host.SendAsync(needId, CommentPosted.ByAdvisor(i % 2 == 0 ? "a" : "b", $"Commentaire {i}")));
        }

        Assert.All(records, r => Assert.True(r.Outcome!.IsAccepted));
        Assert.Equal(count, records[^1].State.Comments.Count);
        Assert.Equal(records.Select(r => r.State.Version), records.Select(r => r.State.Version).Order().Distinct());
        Assert.Equal(records.Select(r => r.Sequence), records.Select(r => r.Sequence).Order().Distinct());
        var generations = await host.Client.GetInstanceAsync(needId, getInputsAndOutputs: true);
        Assert.Contains("\"sequence\"", generations!.SerializedInput, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("firstEffects\":[", generations.SerializedInput, StringComparison.OrdinalIgnoreCase);
        var reopened = await host.SendAsync(needId, new PositionChanged("a", MatchStatus.TakingCare));
        Assert.True(reopened.Outcome!.IsAccepted, "the need still decides after continuing as new");
    }
}
