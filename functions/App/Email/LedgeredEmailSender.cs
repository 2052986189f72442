using ConseillersEntreprises.App.Telemetry;
using ConseillersEntreprises.Storage.Emails;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Sends an email at most once per idempotency key: the key is claimed in the sent-email ledger before sending and
/// marked sent after. A key already sent is skipped; a claim held by another sender, or a relay that is down or
/// throttling, gives a <see cref="EmailDelivery"/> to try again later: an outage delays emails, it never loses them.
/// </summary>
public sealed class LedgeredEmailSender(IEmailSender sender, SentEmailLedger ledger, TimeProvider time)
{
    /// <summary>
    /// How long a claim holds before another sender may take over (its sender may have died). Longer than a send takes
    /// at most (<see cref="SmtpEmailSender.SendTimeout"/>), short enough that an email whose sender died mid-send goes
    /// out soon after a restart.
    /// </summary>
    public static readonly TimeSpan SendLease = TimeSpan.FromMinutes(1);

    public async Task<EmailDelivery> SendOnceAsync(EmailMessage email, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(email);
        var key = email.IdempotencyKey ?? throw new ArgumentException("An email of the workflow needs its idempotency key.", nameof(email));
        using var span = AppTelemetry.Source.StartActivity("email.send");
        span?.SetTag("email.idempotency_key", key);
        var delivery = await SendAsync(email, key, ct);
        var outcome = delivery.IsDone ? (delivery.Skipped ? "skipped" : "sent") : "deferred";
        span?.SetTag("email.outcome", outcome);
        AppTelemetry.EmailOutcome(outcome);
        return delivery;
    }

    private async Task<EmailDelivery> SendAsync(EmailMessage email, string key, CancellationToken ct)
    {
        switch (await ledger.ClaimSendAsync(key, time.GetUtcNow(), SendLease, ct))
        {
            case SendClaim.AlreadySent:
                return EmailDelivery.AlreadySent;
            case SendClaim.HeldByAnother:
                // The same email is being sent elsewhere right now, or was by a sender that died: look again a few
                // times within that sender's lease.
                return EmailDelivery.Later(SendLease / 4);
        }

        try
        {
            await sender.SendAsync(email, ct);
        }
        catch (EmailDeferredException e)
        {
            await ledger.ReleaseSendAsync(key, ct);
            return EmailDelivery.Later(e.RetryAfter);
        }
        catch
        {
            await ledger.ReleaseSendAsync(key, ct);
            throw;
        }

        await ledger.MarkSentAsync(key, time.GetUtcNow(), ct);
        return EmailDelivery.Done;
    }
}
