using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.Storage.Queues;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Function "emails" (queue trigger): sends one rendered email, once (<see cref="LedgeredEmailSender"/>). When it
/// cannot go out now (relay down or throttling, or the same email being sent elsewhere), it is put back with a delay
/// instead of failing: no poison queue for an outage.
/// </summary>
public sealed partial class EmailQueueHandler(LedgeredEmailSender sender, QueueBus queues, ILogger<EmailQueueHandler> logger) : IQueueHandler
{
    public string QueueName => QueueBus.Emails;

    public async Task HandleAsync(string message, CancellationToken ct)
    {
        var email = QueuedEmail.Deserialize(message);
        var delivery = await sender.SendOnceAsync(new EmailMessage(email.To, email.Subject, email.HtmlBody, email.TextBody) { IdempotencyKey = email.Key }, ct);
        if (!delivery.IsDone)
        {
            LogDeferred(logger, delivery.RetryAfter, email.Key);
            await queues.SendAsync(QueueBus.Emails, message, ct, delivery.RetryAfter);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Key} cannot go out now; put back for {Delay}")]
    private static partial void LogDeferred(ILogger logger, TimeSpan delay, string key);
}
