using ConseillersEntreprises.App.Needs;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Storage.Needs;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Function "outbox-sweep" (timer trigger, every minute): re-drives outbox rows older than a minute, left behind when
/// a process died between a transaction and its effects, or when the nudge message was lost.
/// </summary>
public sealed partial class OutboxSweeper(
    TableNeedStore needs,
    NeedWorkflow workflow,
    IOptionsMonitor<WorkflowOptions> options,
    HostingMode mode,
    TimeProvider time,
    ILogger<OutboxSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.IsCustomHandler)
        {
            return; // The Functions host triggers this function.
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.CurrentValue.OutboxStaleAfter, time, stoppingToken);
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var stale = await needs.NeedsWithStaleOutboxAsync(options.CurrentValue.OutboxStaleAfter, ct);
        foreach (var needId in stale)
        {
            await workflow.NudgeRelayAsync(needId, ct);
        }

        return stale.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox sweep failed; the next sweep retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
