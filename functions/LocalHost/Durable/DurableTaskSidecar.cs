using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Storage.Diagnostics;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>
/// What the Functions host's Durable extension is on Azure: the Durable Task Framework's Azure Storage backend (the
/// one Durable Functions uses; Azurite here) behind the public gRPC sidecar the Durable Task worker and client talk
/// to. Started before the worker, stopped after it.
/// </summary>
public sealed partial class DurableTaskSidecar : IHostedService, IDisposable
{
    private readonly LocalDurableOptions _options;
    private readonly StorageOptions _storage;
    private readonly ILoggerFactory _loggerFactory;
    private readonly StorageRequestCounter _counter;
    private WebApplication? _server;

    public DurableTaskSidecar(IOptions<LocalDurableOptions> options, IOptions<StorageOptions> storage, StorageRequestCounter counter, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(counter);
        _counter = counter;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _options = options.Value;
        _storage = storage.Value;
        _loggerFactory = loggerFactory;
        Address = new Uri($"http://127.0.0.1:{(_options.SidecarPort > 0 ? _options.SidecarPort : FreePort())}");
    }

    public Uri Address { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_storage.ConnectionString))
        {
            throw new InvalidOperationException("LocalHost runs the task hub on Storage:ConnectionString (Azurite): set it.");
        }

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = _options.HubName,
            PartitionCount = _options.PartitionCount,
            MaxQueuePollingInterval = _options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = _options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = _options.WorkItemQueueVisibilityTimeout,
            WorkerId = _options.WorkerId,
            LoggerFactory = _loggerFactory,
            StorageAccountClientProvider = CountedClients(_storage.ConnectionString, _counter),
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Address.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new StopBeforeStartGuard(service, _loggerFactory.CreateLogger<StopBeforeStartGuard>()));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        _server = server;
        LogStarted(_loggerFactory.CreateLogger<DurableTaskSidecar>(), _options.HubName, Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => ((IDisposable?)_server)?.Dispose();

    /// <summary>The task hub's storage clients, each request counted with ours (<c>GET /api/admin/metrics/storage</c>).</summary>
    private static StorageAccountClientProvider CountedClients(string connectionString, StorageRequestCounter counter)
    {
        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions();
        var tables = new TableClientOptions();
        blobs.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        queues.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        tables.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blobs),
            StorageServiceClientProvider.ForQueue(connectionString, queues),
            StorageServiceClientProvider.ForTable(connectionString, tables));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable task hub {HubName} on Azure Storage, sidecar {Address}")]
    private static partial void LogStarted(ILogger logger, string hubName, Uri address);
}
