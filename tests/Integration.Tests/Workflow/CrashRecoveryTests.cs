using Azure.Storage.Queues;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Queues;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>Nothing is lost when the process dies between the transaction and its effects, and nothing is sent twice.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Effects_left_behind_by_a_dead_process_are_carried_out_after_restart_once()
    {
        var prefix = AppHost.NewTablePrefix();
        string needId;
        string advisorEmail;
        string companyEmail;

        // An instance that stores needs but dies before running any effect: the custom-handler mode has no local
        // triggers, and we drop the relay's nudge message as a crash would lose it.
        await using (var dying = await WorkflowHarness.StartAsync(advisors: 2, tablePrefix: prefix,
            settings: new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "1" }))
        {
            needId = await dying.SubmitAsync();
            advisorEmail = dying.AdvisorEmail(0);
            companyEmail = dying.CompanyEmail;
            await new QueueServiceClient(TestEnvironment.StorageConnectionString).GetQueueClient(prefix + QueueBus.Outbox).ClearMessagesAsync();
        }

        Assert.Empty(await new Mailbox().ForAsync(advisorEmail));

        await using var restarted = await WorkflowHarness.StartAsync(advisors: 2, tablePrefix: prefix);
        var emails = await restarted.Mailbox.WaitForAsync(advisorEmail, timeout: TimeSpan.FromSeconds(30));
        Assert.Single(emails);
        Assert.Contains(needId, emails[0].Text, StringComparison.Ordinal);
        Assert.Single(await restarted.Mailbox.WaitForAsync(companyEmail));
        await Task.Delay(3000); // later sweeps find nothing more to do: no duplicate
        Assert.Single(await restarted.Mailbox.ForAsync(advisorEmail));
    }
}
