using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;

namespace ConseillersEntreprises.LocalHost.Durable;

public static class LocalDurableTaskExtensions
{
    /// <summary>
    /// Runs the app's orchestrator and activity functions on a Durable Task worker over the Azure Storage backend, and
    /// registers the <see cref="DurableTaskClient"/> its functions are given as <c>[DurableClient]</c>.
    /// </summary>
    public static IServiceCollection AddLocalDurableTask(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<LocalFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var activity in functions.Where(f => f.Kind == FunctionKind.Activity))
        {
            ReflectedActivity.EnsureBindable(activity);
        }

        var hostJson = HostJson.Load();
        services.AddOptions<LocalDurableOptions>()
            .Configure<IOptions<StorageOptions>>((options, storage) =>
            {
                options.HubName = hostJson.HubName + storage.Value.TablePrefix;
                options.PartitionCount = hostJson.PartitionCount;
                options.MaxQueuePollingInterval = hostJson.MaxQueuePollingInterval;
                options.ControlQueueVisibilityTimeout = hostJson.ControlQueueVisibilityTimeout;
                options.WorkItemQueueVisibilityTimeout = hostJson.WorkItemQueueVisibilityTimeout;
            })
            .Bind(configuration.GetSection(LocalDurableOptions.Section))
            .Validate(
                options => LocalDurableOptions.IsValidHubName(options.HubName),
                "The task hub name (Durable:HubName, else host.json's hubName followed by Storage:TablePrefix) must be 3 to 45 letters and digits, starting with a letter.")
            .ValidateOnStart();
        var root = new RootServices();
        services.AddSingleton(root);
        services.AddSingleton(sp => root.Capture(sp));
        services.AddSingleton<DurableTaskSidecar>();
        // Hosted services start in order: the sidecar listens before the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<DurableTaskSidecar>());
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            worker.AddTasks(tasks =>
            {
                foreach (var function in functions.Where(f => f.Kind == FunctionKind.Orchestrator))
                {
                    tasks.AddOrchestrator(function.Name, () => new ReflectedOrchestrator(function, root.Provider));
                }

                foreach (var function in functions.Where(f => f.Kind == FunctionKind.Activity))
                {
                    tasks.AddActivity(function.Name, sp => new ReflectedActivity(function, sp));
                }
            });
        });
        services.AddDurableTaskClient(client => client.UseGrpc());
        services.AddOptions<Microsoft.DurableTask.Worker.Grpc.GrpcDurableTaskWorkerOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Address = sidecar.Address.ToString());
        services.AddOptions<Microsoft.DurableTask.Client.Grpc.GrpcDurableTaskClientOptions>(Microsoft.Extensions.Options.Options.DefaultName)
            .Configure<DurableTaskSidecar>((options, sidecar) => options.Address = sidecar.Address.ToString());
        return services;
    }
}
