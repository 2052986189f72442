using Azure.Data.Tables;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Emails;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>
/// The ledgered sender with the real SMTP sender, a relay that can be switched off and the ledger on Azurite: an email
/// goes out once, and while the relay is down no claim is held, so a process that dies then leaves nothing to wait for.
/// </summary>
public sealed class LedgeredEmailSenderTests
{
    private readonly SentEmailLedger _ledger = new(new TableServiceClient(TestEnvironment.StorageConnectionString), AppHost.NewTablePrefix());
    private readonly string _to = $"destinataire-{Guid.NewGuid():N}@entreprise.test";

    private LedgeredEmailSender Sender(int port)
    {
        var smtp = Options.Create(new SmtpOptions { Host = TestEnvironment.SmtpHost, Port = port, RetryAfter = TimeSpan.FromSeconds(7) });
        var email = Options.Create(new EmailOptions { From = "Conseillers-Entreprises <contact@conseillers-entreprises.test>" });
        return new LedgeredEmailSender(new SmtpEmailSender(smtp, email), _ledger, TimeProvider.System);
    }

    private EmailMessage Message(string key) => new(_to, "Objet", "<p>Bonjour</p>", "Bonjour") { IdempotencyKey = key };

    [Fact]
    public async Task While_the_relay_is_down_the_email_waits_and_no_claim_is_left_behind()
    {
        await _ledger.EnsureCreatedAsync(CancellationToken.None);
        await using var relay = new SwitchableSmtpProxy { Up = false };
        var key = "need:" + Guid.NewGuid().ToString("N");

        var delivery = await Sender(relay.Port).SendOnceAsync(Message(key), CancellationToken.None);

        Assert.False(delivery.IsDone);
        Assert.Equal(TimeSpan.FromSeconds(7), delivery.RetryAfter);
        Assert.True(relay.RefusedConnections > 0);
        // Nobody holds the email: another sender (another process, after a crash) may send it at once.
        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync(key, DateTimeOffset.UtcNow, LedgeredEmailSender.SendLease, CancellationToken.None));
    }

    [Fact]
    public async Task An_email_goes_out_once_however_often_it_is_sent()
    {
        await _ledger.EnsureCreatedAsync(CancellationToken.None);
        using var mailbox = new Mailbox();
        var sender = Sender(TestEnvironment.SmtpPort);
        var key = "need:" + Guid.NewGuid().ToString("N");

        var first = await sender.SendOnceAsync(Message(key), CancellationToken.None);
        var again = await sender.SendOnceAsync(Message(key), CancellationToken.None);

        Assert.True(first is { IsDone: true, Skipped: false });
        Assert.True(again is { IsDone: true, Skipped: true });
        Assert.Single(await mailbox.WaitForAsync(_to));
    }
}
