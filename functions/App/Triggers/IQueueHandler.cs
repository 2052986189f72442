namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// A queue-triggered function. It takes the plain message text, so the same code serves the local runner and the
/// Functions custom-handler invocation. It must be idempotent: a message may come twice or after a crash.
/// Throwing means "retry later"; after 5 attempts the message goes to the poison queue.
/// </summary>
public interface IQueueHandler
{
    string QueueName { get; }

    Task HandleAsync(string message, CancellationToken ct);
}
