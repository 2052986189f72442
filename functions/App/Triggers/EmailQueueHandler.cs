using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.Storage.Emails;
using ConseillersEntreprises.Storage.Queues;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Function "emails" (queue trigger): sends one rendered email, once. A key already marked sent is skipped (the
/// message came twice). When the relay is down or throttling, the email is put back with a delay instead of
/// failing: a failing SMTP server delays emails, it never loses them (no poison queue for an outage).
/// </summary>
public sealed partial class EmailQueueHandler(
    IEmailSender sender,
    SentEmailLedger ledger,
    QueueBus queues,
    TimeProvider time,
    ILogger<EmailQueueHandler> logger) : IQueueHandler
{
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    public string QueueName => QueueBus.Emails;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var email = QueuedEmail.Deserialize(message);
        switch (await ledger.ClaimSendAsync(email.Key, time.GetUtcNow(), SendLease, ct))
        {
            case SendClaim.AlreadySent:
                return;
            case SendClaim.HeldByAnother:
                // Another sender has it right now (the same effect relayed twice). Look again later: if that sender
                // died, its lease will have passed and this message takes over.
                await queues.SendAsync(QueueBus.Emails, message, ct, SendLease);
                return;
        }

        try
        {
            await sender.SendAsync(new EmailMessage(email.To, email.Subject, email.HtmlBody, email.TextBody) { IdempotencyKey = email.Key }, ct);
        }
        catch (EmailDeferredException e)
        {
            LogDeferred(logger, e.RetryAfter, email.Key);
            await ledger.ReleaseSendAsync(email.Key, ct);
            await queues.SendAsync(QueueBus.Emails, message, ct, e.RetryAfter);
            return;
        }
        catch
        {
            await ledger.ReleaseSendAsync(email.Key, ct);
            throw;
        }

        await ledger.MarkSentAsync(email.Key, time.GetUtcNow(), ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email relay unavailable; email {Key} put back for {Delay}")]
    private static partial void LogDeferred(ILogger logger, TimeSpan delay, string key);
}
