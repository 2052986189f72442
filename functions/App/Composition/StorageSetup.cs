using ConseillersEntreprises.Storage.Emails;
using ConseillersEntreprises.Storage.Partners;
using ConseillersEntreprises.Storage.Journal;
using ConseillersEntreprises.Storage.Projections;
using ConseillersEntreprises.Storage.Retention;
using ConseillersEntreprises.Storage.Snapshots;
using ConseillersEntreprises.Storage.Stats;

namespace ConseillersEntreprises.App.Composition;

/// <summary>Creates our tables at start-up (the app needs nothing prepared beforehand; the task hub creates its own).</summary>
public sealed partial class StorageSetup(
    AdvisorInbox inbox,
    OperatorBaskets baskets,
    NeedSearchIndex needSearch,
    TableNeedStats stats,
    TablePartnerStats partnerStats,
    SentEmailLedger ledger,
    EmailBudget emailBudget,
    NeedSnapshotStore snapshots,
    PartnerKeyStore partnerKeys,
    AntennaNeedsTable antennaNeeds,
    ManagerDigestRuns digestRuns,
    RetentionIndex retention,
    OperatorJournal journal,
    ILogger<StorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await inbox.EnsureCreatedAsync(cancellationToken);
            await baskets.EnsureCreatedAsync(cancellationToken);
            await needSearch.EnsureCreatedAsync(cancellationToken);
            await stats.EnsureCreatedAsync(cancellationToken);
            await partnerStats.EnsureCreatedAsync(cancellationToken);
            await ledger.EnsureCreatedAsync(cancellationToken);
            await emailBudget.EnsureCreatedAsync(cancellationToken);
            await snapshots.EnsureCreatedAsync(cancellationToken);
            await partnerKeys.EnsureCreatedAsync(cancellationToken);
            await antennaNeeds.EnsureCreatedAsync(cancellationToken);
            await digestRuns.EnsureCreatedAsync(cancellationToken);
            await retention.EnsureCreatedAsync(cancellationToken);
            await journal.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // Health reports 503; requests that need storage fail cleanly until it answers.
            LogUnavailable(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is unavailable at start-up; tables not created")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
