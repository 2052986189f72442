using ConseillersEntreprises.Storage.Emails;
using ConseillersEntreprises.Storage.Needs;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Queues;
using ConseillersEntreprises.Storage.Snapshots;
using ConseillersEntreprises.Storage.Stats;
using ConseillersEntreprises.Storage.Timers;

namespace ConseillersEntreprises.App.Needs;

/// <summary>Creates the workflow's tables and queues at start-up (the app needs nothing prepared beforehand).</summary>
public sealed partial class StorageSetup(
    TableNeedStore needs,
    TableTimerStore timers,
    TableProjections projections,
    TableNeedStats stats,
    SentEmailLedger ledger,
    NeedSnapshotStore snapshots,
    QueueBus queues,
    ILogger<StorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await needs.EnsureCreatedAsync(cancellationToken);
            await timers.EnsureCreatedAsync(cancellationToken);
            await projections.EnsureCreatedAsync(cancellationToken);
            await stats.EnsureCreatedAsync(cancellationToken);
            await ledger.EnsureCreatedAsync(cancellationToken);
            await snapshots.EnsureCreatedAsync(cancellationToken);
            await queues.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // Health reports 503; requests that need storage fail cleanly until it answers.
            LogUnavailable(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is unavailable at start-up; tables and queues not created")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
