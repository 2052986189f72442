namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>
/// Section <c>Durable</c>: the task hub LocalHost runs on. Unset values come from host.json's
/// <c>extensions.durableTask</c>, as the Functions host reads them on Azure; the hub name is then host.json's followed
/// by <c>Storage:TablePrefix</c>, so that hosts sharing a prefix share a hub (instances of one deployment) and
/// hosts with different prefixes (tests) never see each other's orchestrations.
/// </summary>
public sealed class LocalDurableOptions
{
    public const string Section = "Durable";

    /// <summary>Letters and digits, 3 to 45, starting with a letter: it prefixes the hub's tables, queues and containers.</summary>
    public string HubName { get; set; } = string.Empty;

    /// <summary>Control queues of the hub: how many instances can share its orchestrations out.</summary>
    public int PartitionCount { get; set; }

    /// <summary>An idle queue is polled less and less often, down to this: the latency of the first message after a calm.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; }

    /// <summary>How long a queue message taken by an instance that died stays hidden: the recovery time after a crash.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; }

    /// <summary>The same for the activities' queue.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; }

    /// <summary>
    /// Who holds the hub's partition leases. The machine's name by default, as one LocalHost runs per machine: restarted
    /// after a crash, it takes its partitions back at once instead of waiting for their leases to expire. Hosts that
    /// share a hub within one process (tests) need one each.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>What the Azure Storage backend accepts as a hub name.</summary>
    public static bool IsValidHubName(string name) =>
        name.Length is >= 3 and <= 45 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }
}
