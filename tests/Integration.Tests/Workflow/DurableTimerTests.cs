using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>Durable timers with second-long delays: reminders, day 9, last chance and abandon fire in order.</summary>
public sealed class DurableTimerTests
{
    [Fact]
    public async Task Reminder_follow_up_last_chance_and_abandon_fire_in_order_when_nobody_answers()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?>
        {
            // Two seconds apart, so that the order of arrival says the order of firing even on a busy machine.
            ["Workflow:ExpertReminderAfter"] = "00:00:01",
            ["Workflow:CompanyFollowUpAfter"] = "00:00:03",
            ["Workflow:LastChanceAfter"] = "00:00:05",
            ["Workflow:AbandonAfter"] = "00:00:07",
        });

        await harness.SubmitAsync();

        // Advisor: the need, the reminder, the last chance. Company: confirmation, still following, fallback.
        var advisorEmails = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0), count: 3, timeout: TimeSpan.FromSeconds(30));
        var companyEmails = await harness.Mailbox.WaitForAsync(harness.CompanyEmail, count: 3, timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(3, advisorEmails.Count);
        Assert.Equal(3, companyEmails.Count);
        Assert.Contains("Nouveau besoin", advisorEmails[0].Subject, StringComparison.Ordinal);
        Assert.Contains("Rappel", advisorEmails[1].Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dernière", advisorEmails[2].Subject, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(await harness.Mailbox.WaitForAsync(harness.ManagerEmail)); // the antenna manager is alerted
        await Task.Delay(1500); // and nothing more: every timer fired once
        Assert.Equal(3, (await harness.Mailbox.ForAsync(harness.AdvisorEmail(0))).Count);
        Assert.Equal(3, (await harness.Mailbox.ForAsync(harness.CompanyEmail)).Count);
    }

    [Fact]
    public async Task A_need_taken_on_gets_no_follow_up_nor_abandon()
    {
        // The timers are due well after the take-on (which needs the advisor's email first, slow on a busy machine);
        // the test then waits until every one of them is past before looking for emails that should not exist.
        // 20 s leaves room for a slow first start (a fresh clone's first Durable host took 9.9 s to the take-on).
        var firstDue = TimeSpan.FromSeconds(20);
        var lastDue = TimeSpan.FromSeconds(21);
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?>
        {
            ["Workflow:ExpertReminderAfter"] = "00:00:20",
            ["Workflow:CompanyFollowUpAfter"] = "00:00:20",
            ["Workflow:LastChanceAfter"] = "00:00:20",
            ["Workflow:AbandonAfter"] = "00:00:21",
        });
        var sinceSubmission = System.Diagnostics.Stopwatch.StartNew();
        var needId = await harness.SubmitAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);

        await WorkflowHarness.PositionAsync(advisor, needId, "taking_care");
        Assert.True(sinceSubmission.Elapsed < firstDue, $"the take-on came {sinceSubmission.Elapsed} after submission, after the timers were due");
        await Task.Delay(lastDue + TimeSpan.FromSeconds(3) - sinceSubmission.Elapsed);

        Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(0))); // no reminder once taken on
        var company = await harness.Mailbox.ForAsync(harness.CompanyEmail);
        Assert.True(company.Count == 2, string.Join(" | ", company.Select(e => e.Subject))); // confirmation + taken on
    }
}
