using ConseillersEntreprises.Storage.Queues;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Runs a queue handler the way the Functions queue trigger does (host.json): batches of 16 fetched in parallel,
/// the message invisible while it is processed, deleted on success, made visible again after a delay on failure,
/// and moved to <c>{queue}-poison</c> on its 5th failed attempt. Polling backs off to 2 s when the queue is empty.
/// Used when the app hosts itself; under the Functions host, the host triggers the same handler.
/// </summary>
public sealed partial class LocalQueueTrigger(IQueueHandler handler, QueueBus bus, HostingMode mode, TimeProvider time, ILogger<LocalQueueTrigger> logger) : BackgroundService
{
    private const int BatchSize = 16;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxPollingInterval = TimeSpan.FromSeconds(2);

    /// <summary>Delay before a failed message is retried (Functions' visibilityTimeout; short locally).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.IsCustomHandler)
        {
            return; // The Functions host triggers this function.
        }

        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            Azure.Storage.Queues.Models.QueueMessage[] batch;
            try
            {
                batch = await bus.ReceiveAsync(handler.QueueName, BatchSize, VisibilityTimeout, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReceiveFailed(logger, e, handler.QueueName);
                await Task.Delay(MaxPollingInterval, time, stoppingToken);
                continue;
            }

            if (batch.Length == 0)
            {
                await Task.Delay(idle, time, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxPollingInterval.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            await Task.WhenAll(batch.Select(message => ProcessAsync(message, stoppingToken)));
        }
    }

    /// <summary>Processes one message with the trigger's semantics; public for tests of the poison path.</summary>
    public async Task ProcessAsync(Azure.Storage.Queues.Models.QueueMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await handler.HandleAsync(message.Body.ToString(), ct);
            await bus.DeleteAsync(handler.QueueName, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= QueueBus.MaxDequeueCount)
            {
                LogPoisoned(logger, e, handler.QueueName, message.MessageId);
                await bus.MoveToPoisonAsync(handler.QueueName, message, ct);
            }
            else
            {
                LogFailed(logger, e, handler.QueueName, message.MessageId, message.DequeueCount);
                await bus.ReleaseAsync(handler.QueueName, message, RetryDelay, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: receive failed")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue}: message {MessageId} failed (attempt {Attempt}); it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue, string messageId, long attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue}: message {MessageId} failed 5 times; moved to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, string queue, string messageId);
}
