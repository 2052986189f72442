using ConseillersEntreprises.App.Demo;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Settings;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.LocalHost.Demo;

/// <summary>
/// Seeds the demo history in the background at start-up when <c>Directory:SeedDemoHistory</c> is set (./run.sh), once
/// the directory is loaded; storage or the Durable worker not ready yet means trying again a little later. Only
/// LocalHost has a <see cref="DurableTaskClient"/> to give outside a function, and only local runs want demo data.
/// </summary>
public sealed partial class DemoHistoryService(
    DemoHistorySeeder seeder,
    CurrentDirectory directory,
    DurableTaskClient client,
    IOptions<DirectoryOptions> options,
    TimeProvider time,
    ILogger<DemoHistoryService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private const int Attempts = 24;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedDemoHistory)
        {
            return;
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                if (directory.Snapshot is not null)
                {
                    var seeding = await seeder.SeedAsync(client, stoppingToken);
                    LogSeeded(logger, seeding.PastWritten, seeding.OpenSubmitted);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e, attempt);
            }

            await Task.Delay(RetryDelay, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history: {Past} past needs written, {Open} open needs submitted")]
    private static partial void LogSeeded(ILogger logger, int past, int open);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo history not seeded yet (attempt {Attempt}); trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception, int attempt);
}
