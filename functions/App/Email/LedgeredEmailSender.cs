using ConseillersEntreprises.App.Telemetry;
using ConseillersEntreprises.Storage.Emails;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Sends an email at most once per idempotency key: the key is claimed in the sent-email ledger right before the
/// relay takes the email, and marked sent after. A key already sent is skipped; a claim held by another sender, or a relay that is down or
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
        // The key is claimed by the sender at the last moment (the relay connected and ready), so that a relay that is
        // down leaves no claim behind, whatever happens to this process.
        SendClaim? claim = null;
        bool sent;
        try
        {
            sent = await sender.SendAsync(email, async token => (claim = await ledger.ClaimSendAsync(key, time.GetUtcNow(), SendLease, token)) == SendClaim.Claimed, ct);
        }
        catch (EmailDeferredException e)
        {
            await ReleaseAsync(key, claim, ct);
            return EmailDelivery.Later(e.RetryAfter);
        }
        catch
        {
            await ReleaseAsync(key, claim, ct);
            throw;
        }

        if (!sent)
        {
            // Sent before; or being sent elsewhere right now, or by a sender that died: look again a few times within
            // that sender's lease.
            return claim == SendClaim.AlreadySent ? EmailDelivery.AlreadySent : EmailDelivery.Later(SendLease / 4);
        }

        await ledger.MarkSentAsync(key, time.GetUtcNow(), ct);
        return EmailDelivery.Done;
    }

    private async Task ReleaseAsync(string key, SendClaim? claim, CancellationToken ct)
    {
        if (claim == SendClaim.Claimed)
        {
            await ledger.ReleaseSendAsync(key, ct);
        }
    }
}
