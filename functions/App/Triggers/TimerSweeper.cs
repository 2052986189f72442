using ConseillersEntreprises.App.Needs;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Timers;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Function "timers" (timer trigger; every <c>Workflow:TimerSweepInterval</c>): turns due timer rows into
/// <see cref="TimerDue"/> events of their needs, then deletes the rows. A row is deleted only after its event was
/// applied, so a crash means the timer fires again, which the decider ignores (same timer, need moved on).
/// </summary>
public sealed partial class TimerSweeper(
    TableTimerStore timers,
    NeedWorkflow workflow,
    IOptionsMonitor<WorkflowOptions> options,
    HostingMode mode,
    TimeProvider time,
    ILogger<TimerSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.IsCustomHandler)
        {
            return; // The Functions host triggers this function.
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }

            await Task.Delay(options.CurrentValue.TimerSweepInterval, time, stoppingToken);
        }
    }

    /// <summary>Fires every timer due now; returns how many were fired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var fired = 0;
        var due = await timers.DueAsync(time.GetUtcNow(), 500, ct);
        foreach (var timer in due)
        {
            if (!NeedJson.TryParseWireName<TimerKind>(timer.Kind, out var kind))
            {
                await timers.DeleteAsync(timer, ct);
                continue;
            }

            await workflow.ApplyAsync(timer.NeedId, new TimerDue(timer.TimerId, kind, timer.DueAt), ct);
            await timers.DeleteAsync(timer, ct);
            fired++;
        }

        return fired;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer sweep failed; the next sweep retries")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
