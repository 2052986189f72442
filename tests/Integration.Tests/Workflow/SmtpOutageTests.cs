using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>A failing SMTP relay delays emails; it never loses them, and never sends one twice.</summary>
public sealed class SmtpOutageTests
{
    [Fact]
    public async Task Emails_wait_for_the_relay_to_come_back_then_go_out_once()
    {
        await using var proxy = new SwitchableSmtpProxy { Up = false };
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2, settings: new Dictionary<string, string?>
        {
            ["Smtp:Port"] = proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:RetryAfter"] = "00:00:01",
        });

        await harness.SubmitAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Empty(await harness.Mailbox.ForAsync(harness.AdvisorEmail(0)));
        Assert.True(proxy.RefusedConnections > 0, "the app tried to send while the relay was down");

        proxy.Up = true;

        Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0), timeout: TimeSpan.FromSeconds(30)));
        Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(1), timeout: TimeSpan.FromSeconds(30)));
        Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail, timeout: TimeSpan.FromSeconds(30)));
        await Task.Delay(2000);
        Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(0)));
    }
}
