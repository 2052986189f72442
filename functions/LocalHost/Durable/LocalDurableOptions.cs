namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>
/// Section <c>Durable</c>: the task hub LocalHost runs on, the same settings as host.json's
/// <c>extensions.durableTask</c> gives the Functions host on Azure.
/// </summary>
public sealed class LocalDurableOptions
{
    public const string Section = "Durable";

    /// <summary>Letters and digits, 3 to 45, starting with a letter: it prefixes the hub's tables, queues and containers.</summary>
    public string HubName { get; set; } = "ConseillersEntreprises";

    /// <summary>Control queues of the hub: how many instances can share its orchestrations out.</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>An idle queue is polled less and less often, down to this: the latency of the first message after a calm.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}
