using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ConseillersEntreprises.Storage.Diagnostics;

/// <summary>
/// Counts every request the Azure SDK sends to Storage, by service and coarse operation, for the load driver
/// (<c>bench/LoadDriver</c>) and <c>GET /api/admin/metrics/storage</c>: our tables, and under LocalHost the task hub's
/// tables, queues and blobs too. Add ONE instance to every client's options at
/// <see cref="HttpPipelinePosition.PerRetry"/>, so that every attempt counts (a retried request is billed, and costs
/// latency, each time):
/// <code>options.AddPolicy(counter, HttpPipelinePosition.PerRetry);</code>
/// An operation is the HTTP method and a coarse resource with no key nor id in it, the table and queue prefix
/// (<c>Storage:TablePrefix</c>) removed:
/// <list type="bullet">
/// <item><c>needs</c> a table as a collection (GET = query, POST = insert); <c>needs(key)</c> one entity (GET = point
/// read, PUT/MERGE/PATCH = upsert or update, DELETE); <c>$batch</c> an entity-group transaction, one request whatever
/// it holds; <c>Tables</c> table creation and listing.</item>
/// <item><c>emails</c> a queue itself (create, metadata); <c>emails/messages</c> its messages (POST = send, GET =
/// receive, DELETE = clear); <c>emails/messages/{id}</c> one message (DELETE = delete, PUT = update visibility).</item>
/// </list>
/// Every count is also the OpenTelemetry counter <c>storage.requests</c> of meter <see cref="MeterName"/>, tagged
/// with the service, method and resource, for dashboards and alerts.
/// Thread-safe and lock-free on the request path; a singleton per process.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy, IDisposable
{
    public const string MeterName = "ConseillersEntreprises.Storage";
    public const string TableService = "table";
    public const string QueueService = "queue";
    public const string BlobService = "blob";
    public const string OtherService = "other";

    private readonly ConcurrentDictionary<StorageOperation, StrongBox> _counts = new();
    private readonly string _prefix;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _requests;
    private long _total;

    /// <param name="prefix">The <c>Storage:TablePrefix</c> setting, removed from table and queue names (queues use it lowercased).</param>
    public StorageRequestCounter(string? prefix = null)
    {
        _prefix = prefix ?? string.Empty;
        _requests = _meter.CreateCounter<long>("storage.requests", unit: "{request}", description: "Requests sent to Azure Storage, every attempt counted.");
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Requests counted since the process started.</summary>
    public long Total => Interlocked.Read(ref _total);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>Counts one request; public so that it can be tested without a pipeline.</summary>
    public void Count(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operation = Classify(message.Request);
        var box = _counts.GetOrAdd(operation, static _ => new StrongBox());
        Interlocked.Increment(ref box.Value);
        Interlocked.Increment(ref _total);
        _requests.Add(1,
            new KeyValuePair<string, object?>("storage.service", operation.Service),
            new KeyValuePair<string, object?>("http.request.method", operation.Method),
            new KeyValuePair<string, object?>("storage.resource", operation.Resource));
    }

    /// <summary>The counts so far (each count read atomically; the set is a moment's view, not a transaction).</summary>
    public StorageRequestSnapshot Snapshot()
    {
        var operations = _counts
            .Select(pair => new StorageOperationCount(pair.Key.Service, pair.Key.Method, pair.Key.Resource, Interlocked.Read(ref pair.Value.Value)))
            .OrderBy(o => o.Service, StringComparer.Ordinal)
            .ThenBy(o => o.Resource, StringComparer.Ordinal)
            .ThenBy(o => o.Method, StringComparer.Ordinal)
            .ToList();
        var byService = operations
            .GroupBy(o => o.Service, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Count), StringComparer.Ordinal);
        return new StorageRequestSnapshot(operations.Sum(o => o.Count), byService, operations);
    }

    private StorageOperation Classify(Request request)
    {
        var method = request.Method.Method;
        var uri = request.Uri;
        var segments = (uri.Path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Emulators (Azurite) put the account in the path: http://127.0.0.1:10002/devstoreaccount1/needs()
        if (segments.Length > 0 && IsPathStyle(uri.Host))
        {
            segments = segments[1..];
        }

        var service = ServiceOf(uri.Host, request);
        return service switch
        {
            TableService => new StorageOperation(service, method, TableResource(segments)),
            QueueService => new StorageOperation(service, method, QueueResource(segments, uri.Query)),
            BlobService => new StorageOperation(service, method, segments.Length switch { 0 => "(account)", 1 => Unprefixed(segments[0]), _ => Unprefixed(segments[0]) + "/{blob}" }),
            _ => new StorageOperation(service, method, segments.Length > 0 ? Unprefixed(segments[0]) : "(account)"),
        };
    }

    private string TableResource(string[] segments)
    {
        if (segments.Length == 0)
        {
            return "(account)";
        }

        var segment = Uri.UnescapeDataString(segments[0]);
        var open = segment.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return segment.StartsWith('$') ? segment : Unprefixed(segment);
        }

        var name = segment[..open];
        var keys = segment[(open + 1)..].TrimEnd(')');
        if (string.Equals(name, "Tables", StringComparison.Ordinal))
        {
            return keys.Length == 0 ? "Tables" : "Tables(name)";
        }

        return keys.Length == 0 ? Unprefixed(name) : Unprefixed(name) + "(key)";
    }

    private string QueueResource(string[] segments, string? query)
    {
        if (segments.Length == 0)
        {
            // Service-level calls: ?comp=list, ?comp=properties, ...
            return query is { Length: > 0 } q && q.Contains("comp=list", StringComparison.Ordinal) ? "(list queues)" : "(account)";
        }

        var name = Unprefixed(segments[0]);
        return segments.Length switch
        {
            1 => name,
            2 => $"{name}/{segments[1]}",
            _ => $"{name}/{segments[1]}/{{id}}",
        };
    }

    private string Unprefixed(string name) =>
        _prefix.Length > 0 && name.Length > _prefix.Length && name.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase)
            ? name[_prefix.Length..]
            : name;

    private static bool IsPathStyle(string? host) =>
        string.IsNullOrEmpty(host)
        || IPAddress.TryParse(host, out _)
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || !host.Contains('.', StringComparison.Ordinal);

    /// <summary>By host name on Azure (account.table.core.windows.net); by the SDK's User-Agent on an emulator.</summary>
    private static string ServiceOf(string? host, Request request)
    {
        if (host is not null)
        {
            if (host.Contains(".table.", StringComparison.OrdinalIgnoreCase))
            {
                return TableService;
            }

            if (host.Contains(".queue.", StringComparison.OrdinalIgnoreCase))
            {
                return QueueService;
            }

            if (host.Contains(".blob.", StringComparison.OrdinalIgnoreCase))
            {
                return BlobService;
            }
        }

        if (request.Headers.TryGetValue("User-Agent", out var agent))
        {
            if (agent.Contains("Data.Tables", StringComparison.OrdinalIgnoreCase))
            {
                return TableService;
            }

            if (agent.Contains("Storage.Queues", StringComparison.OrdinalIgnoreCase))
            {
                return QueueService;
            }

            if (agent.Contains("Storage.Blobs", StringComparison.OrdinalIgnoreCase))
            {
                return BlobService;
            }
        }

        // The table protocol is OData: its requests say which version they speak.
        return request.Headers.TryGetValue("DataServiceVersion", out _) ? TableService : OtherService;
    }

    private readonly record struct StorageOperation(string Service, string Method, string Resource);

    private sealed class StrongBox
    {
        public long Value;
    }
}

/// <summary>One operation's count: <c>table GET needs(key)</c> = 42.</summary>
public sealed record StorageOperationCount(string Service, string Method, string Resource, long Count);

/// <summary>Counts since the process started: the total, per service (<c>table</c>, <c>queue</c>) and per operation.</summary>
public sealed record StorageRequestSnapshot(long Total, IReadOnlyDictionary<string, long> ByService, IReadOnlyList<StorageOperationCount> Operations);
