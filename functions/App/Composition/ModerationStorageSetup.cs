using ConseillersEntreprises.Storage.Moderation;

namespace ConseillersEntreprises.App.Composition;

/// <summary>Creates the moderation tables at start-up, as <see cref="StorageSetup"/> does for the others.</summary>
public sealed partial class ModerationStorageSetup(BlockListStore blockList, RecentSubmissions recent, ILogger<ModerationStorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await blockList.EnsureCreatedAsync(cancellationToken);
            await recent.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogUnavailable(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is unavailable at start-up; moderation tables not created")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
