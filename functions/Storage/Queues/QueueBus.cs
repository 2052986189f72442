using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace ConseillersEntreprises.Storage.Queues;

/// <summary>
/// The app's queues, written with the SDK (not output bindings). Messages are plain UTF-8 text, matching host.json's
/// <c>extensions.queues.messageEncoding: none</c>. Each queue has a <c>-poison</c> twin for messages that failed 5 times.
/// </summary>
public sealed class QueueBus
{
    public const string Outbox = "outbox";
    public const string Emails = "emails";
    public const int MaxDequeueCount = 5;

    private readonly QueueServiceClient _service;
    private readonly string _prefix;

    public QueueBus(QueueServiceClient service, string? prefix = null)
    {
        _service = service;
        _prefix = (prefix ?? string.Empty).ToLowerInvariant();
    }

    public QueueClient Queue(string name) => _service.GetQueueClient(_prefix + name);

    public QueueClient Poison(string name) => _service.GetQueueClient(_prefix + name + "-poison");

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in new[] { Outbox, Emails })
        {
            await Queue(name).CreateIfNotExistsAsync(cancellationToken: ct);
            await Poison(name).CreateIfNotExistsAsync(cancellationToken: ct);
        }
    }

    public async Task SendAsync(string queue, string message, CancellationToken ct, TimeSpan? visibilityDelay = null) =>
        await Queue(queue).SendMessageAsync(message, visibilityDelay, timeToLive: TimeSpan.FromSeconds(-1), ct);

    public async Task<QueueMessage[]> ReceiveAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken ct) =>
        (await Queue(queue).ReceiveMessagesAsync(max, visibilityTimeout, ct)).Value;

    public async Task DeleteAsync(string queue, QueueMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await Queue(queue).DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Its visibility expired and another receiver has it: that receiver will finish it (handlers are idempotent).
        }
    }

    /// <summary>Makes a failed message visible again after <paramref name="delay"/> (the retry).</summary>
    public async Task ReleaseAsync(string queue, QueueMessage message, TimeSpan delay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await Queue(queue).UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public async Task MoveToPoisonAsync(string queue, QueueMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        await Poison(queue).SendMessageAsync(message.Body.ToString(), cancellationToken: ct);
        await DeleteAsync(queue, message, ct);
    }
}
