using System.Diagnostics;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Settings;
using Microsoft.Extensions.Options;
using Moq;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>The sender stays under the relay's quota: after a small burst, emails leave at the configured rate.</summary>
public sealed class PacedEmailSenderTests
{
    [Fact]
    public async Task After_a_burst_emails_leave_at_the_configured_rate_and_none_is_dropped()
    {
        var sentAt = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        var relay = new Mock<IEmailSender>();
        relay.Setup(r => r.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback(() =>
            {
                lock (sentAt)
                {
                    sentAt.Add(clock.Elapsed);
                }
            })
            .Returns(Task.CompletedTask);
        using var paced = new PacedEmailSender(relay.Object, Options.Create(new EmailOptions { From = "a@b.fr", MaxPerMinute = 60 }));

        await Task.WhenAll(Enumerable.Range(0, 13).Select(i => paced.SendAsync(new EmailMessage($"c{i}@example.org", "s", "<p>h</p>", "t"), CancellationToken.None)));

        relay.Verify(r => r.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(13));
        sentAt.Sort();
        // 60 a minute = a burst of 10, then one a second: the 13th cannot leave before about 2 seconds.
        Assert.True(sentAt[12] >= TimeSpan.FromSeconds(1.9), $"13th email left after {sentAt[12].TotalSeconds:F2} s");
        Assert.True(sentAt.Count(t => t < TimeSpan.FromSeconds(0.9)) <= 11, "no more than the burst in the first second");
    }
}
