using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Snapshots;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// What the HTTP functions ask of a need's workflow: start it from a submission, send it a command and get its answer,
/// read its latest snapshot. The decisions are taken by the need's orchestration (<see cref="NeedOrchestrator"/>), one
/// message at a time; this class only talks to it.
/// </summary>
public sealed partial class NeedWorkflow(
    NeedSnapshotStore snapshots,
    NeedCommands commands,
    IOptionsMonitor<WorkflowSchedule> schedule,
    TimeProvider time,
    ILogger<NeedWorkflow> logger)
{
    /// <summary>
    /// Starts the need's orchestration (instance id = need id) with its submission decided, then stores its first
    /// snapshot so that the company's follow-up and the advisors' sheets open at once. Returns false for Created when
    /// the need existed already (its idempotency key was submitted before).
    /// </summary>
    public async Task<(NeedState State, bool Created)> SubmitAsync(DurableTaskClient client, NeedSubmitted submitted, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(submitted);
        var timeline = schedule.CurrentValue;
        if (NeedDecider.Decide(null, submitted, time.GetUtcNow(), timeline) is not Accepted accepted)
        {
            throw new InvalidOperationException("A submission is always accepted by the decider.");
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(NeedOrchestrator),
                new NeedOrchestrationInput { State = accepted.State, Schedule = timeline, FirstEffects = accepted.Effects },
                // An instance id already used names the same need, whatever became of its orchestration: never start it twice.
                new StartOrchestrationOptions(submitted.NeedId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]),
                ct);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // The same idempotency key submitted twice at once: the first one's need stands.
            return (await LoadAsync(submitted.NeedId, ct) ?? accepted.State, false);
        }

        // If this process dies here, the orchestration's first record writes the snapshot anyway.
        await snapshots.CreateAsync(accepted.State, ct);
        return (accepted.State, true);
    }

    /// <summary>
    /// Sends one command to the need's orchestration and waits for its answer, judged against the need's latest state.
    /// Who may act is checked first on the snapshot: a need never opens to an advisor it was not sent to, and such a
    /// request costs the orchestration nothing.
    /// </summary>
    public async Task<WorkflowOutcome> ApplyAsync(DurableTaskClient client, string needId, NeedEvent @event, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await snapshots.GetAsync(needId, ct) is not { } snapshot)
        {
            return WorkflowOutcome.NotFound;
        }

        if (NeedDecider.Decide(snapshot.State, @event, time.GetUtcNow(), schedule.CurrentValue) is Rejected { Code: RejectionCode.UnknownAdvisor or RejectionCode.UnknownNeed } stranger)
        {
            return new WorkflowOutcome(snapshot.State, stranger);
        }

        try
        {
            return WorkflowOutcome.Of(await commands.SendAsync(client, needId, @event, ct));
        }
        catch (TimeoutException e)
        {
            LogUnanswered(logger, e, needId);
            return WorkflowOutcome.TimedOut(snapshot.State);
        }
    }

    /// <summary>The need as its workflow last recorded it; null when there is no such need.</summary>
    public async Task<NeedState?> LoadAsync(string needId, CancellationToken ct) =>
        (await snapshots.GetAsync(needId, ct))?.State;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Need {NeedId}: a command went unanswered")]
    private static partial void LogUnanswered(ILogger logger, Exception exception, string needId);
}
