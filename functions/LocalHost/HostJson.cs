using System.Globalization;
using System.Text.Json.Nodes;

namespace ConseillersEntreprises.LocalHost;

/// <summary>
/// The settings of the app's host.json that the Functions host applies on Azure and LocalHost must apply the same way:
/// the HTTP route prefix and custom headers, the Durable task hub. Read from the copy next to the app.
/// </summary>
public sealed class HostJson
{
    private readonly JsonNode? _root;

    private HostJson(JsonNode? root) => _root = root;

    /// <summary>The host.json copied to the build output (the Functions defaults when there is none).</summary>
    public static HostJson Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "host.json");
        return new HostJson(File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null);
    }

    private JsonNode? Http => _root?["extensions"]?["http"];

    private JsonNode? DurableTask => _root?["extensions"]?["durableTask"];

    /// <summary><c>extensions.http.routePrefix</c> (the Functions default, <c>api</c>, when it says nothing).</summary>
    public string RoutePrefix => Http?["routePrefix"]?.GetValue<string>() ?? "api";

    /// <summary><c>extensions.http.customHeaders</c>: headers every answer of an HTTP function carries.</summary>
    public IReadOnlyDictionary<string, string> CustomHeaders =>
        Http?["customHeaders"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)
        ?? new Dictionary<string, string>();

    /// <summary><c>extensions.durableTask.hubName</c> (the Durable Functions default when it says nothing).</summary>
    public string HubName => DurableTask?["hubName"]?.GetValue<string>() ?? "TestHubName";

    /// <summary><c>extensions.durableTask.storageProvider.partitionCount</c>.</summary>
    public int PartitionCount => DurableTask?["storageProvider"]?["partitionCount"]?.GetValue<int>() ?? 4;

    /// <summary><c>extensions.durableTask.storageProvider.maxQueuePollingInterval</c>.</summary>
    public TimeSpan MaxQueuePollingInterval => StorageProviderDuration("maxQueuePollingInterval") ?? TimeSpan.FromSeconds(30);

    /// <summary><c>…controlQueueVisibilityTimeout</c>: how long a message taken by an instance that died stays hidden.</summary>
    public TimeSpan ControlQueueVisibilityTimeout => StorageProviderDuration("controlQueueVisibilityTimeout") ?? TimeSpan.FromMinutes(5);

    /// <summary><c>…workItemQueueVisibilityTimeout</c>: the same for activity messages.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout => StorageProviderDuration("workItemQueueVisibilityTimeout") ?? TimeSpan.FromMinutes(5);

    private TimeSpan? StorageProviderDuration(string name) =>
        DurableTask?["storageProvider"]?[name]?.GetValue<string>() is { } value ? TimeSpan.Parse(value, CultureInfo.InvariantCulture) : null;
}
