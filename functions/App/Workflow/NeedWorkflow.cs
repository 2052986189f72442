using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Retention;
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
    RetentionIndex retention,
    NeedCommands commands,
    IOptionsMonitor<WorkflowSchedule> schedule,
    TimeProvider time,
    ILogger<NeedWorkflow> logger)
{
    /// <summary>
    /// Stores the need's first snapshot, then starts its orchestration (instance id = need id) with its submission
    /// decided. The snapshot is the gate: only the submission that created it starts an orchestration, so the same
    /// idempotency key submitted twice, even at once, starts one (backends differ on refusing an instance id already
    /// used; the test host's sidecar does not). Returns false for Created when the need existed already; if that
    /// earlier submission died before starting its orchestration, this one starts it.
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

        // Registered for its anonymisation before it exists: no need is ever stored that the retention sweep cannot find.
        await retention.AddAsync(accepted.State.NeedId, accepted.State.CreatedAt, ct);
        if (await snapshots.CreateAsync(accepted.State, ct))
        {
            await StartAsync(client, accepted, timeline, ct);
            return (accepted.State, true);
        }

        var existing = await snapshots.GetAsync(submitted.NeedId, ct);
        if (existing is { Sequence: 0 } && await client.GetInstanceAsync(submitted.NeedId, ct) is null)
        {
            // Stored, never started: the process that stored it died in between.
            await StartAsync(client, accepted, timeline, ct);
        }

        return (existing?.State ?? accepted.State, false);
    }

    private static async Task StartAsync(DurableTaskClient client, Accepted accepted, WorkflowSchedule timeline, CancellationToken ct)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(NeedOrchestrator),
                new NeedOrchestrationInput { State = accepted.State, Schedule = timeline, FirstEffects = accepted.Effects },
                // Where the backend honours it, an instance id already used is refused whatever became of its orchestration.
                new StartOrchestrationOptions(accepted.State.NeedId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]),
                ct);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started meanwhile by a twin of this request: one orchestration, as wanted.
        }
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

        if (NeedDecider.Decide(snapshot.State, @event, time.GetUtcNow(), schedule.CurrentValue) is Rejected { Code: RejectionCode.UnknownAdvisor or RejectionCode.UnknownNeed or RejectionCode.Anonymized } stranger)
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
