using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.DemoData;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Directory;

/// <summary>
/// Loads the stored directory at start-up (seeding the demo one locally when asked and none exists) and then polls
/// the version pointer, so that a directory stored through another instance is routed with within seconds.
/// </summary>
public sealed partial class DirectoryRefreshService(
    TableDirectoryStore store,
    CurrentDirectory current,
    TerritoryIndex territories,
    IOptions<DirectoryOptions> options,
    TimeProvider time,
    ILogger<DirectoryRefreshService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Tables are created and the directory loaded before the app takes requests: no request sees an empty router.
        // If storage is down, the app still starts (health says 503) and the polling loop keeps trying.
        try
        {
            await store.EnsureCreatedAsync(cancellationToken);
            if (options.Value.SeedDemo && await store.GetCurrentVersionAsync(cancellationToken) is null)
            {
                var version = await store.SaveAsync(DemoDirectory.Default(territories), cancellationToken);
                LogSeeded(logger, version);
            }

            await RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogRefreshFailed(logger, e);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (current.Snapshot is null)
                {
                    await store.EnsureCreatedAsync(stoppingToken);
                }

                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep routing with the directory we have; the next tick tries again.
                LogRefreshFailed(logger, e);
            }
        }
    }

    /// <summary>Swaps in the stored version when it differs from the one in memory.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var version = await store.GetCurrentVersionAsync(ct);
        if (version is null || version == current.Snapshot?.Version)
        {
            return;
        }

        var stored = await store.LoadAsync(version, ct);
        if (stored is not null)
        {
            current.Swap(stored.Version, stored.Document);
            LogLoaded(logger, stored.Version, stored.Document.Advisors.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo directory stored as version {Version}")]
    private static partial void LogSeeded(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory version {Version} loaded ({Advisors} advisors)")]
    private static partial void LogLoaded(ILogger logger, string version, int advisors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory refresh failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
