using ConseillersEntreprises.Core.Needs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// One orchestration per need (instance id = need id). It waits for the next command (an external event) or the
/// need's next due timer, whichever comes first; lets Core's pure <see cref="NeedDecider"/> decide with
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>; records the decision (snapshot, the command's answer,
/// read models) before anything else; then runs the decision's emails (one activity for all of them) without waiting for them, so that
/// a paced or throttled email never delays the answer to the next command. The history is cut short with
/// <c>ContinueAsNew</c> once no email is in flight. It holds no business rule of its own and does no I/O.
/// </summary>
public sealed class NeedOrchestrator
{
    /// <summary>The external event that carries a <see cref="NeedCommand"/>.</summary>
    public const string CommandEvent = "command";

    /// <summary>Messages decided per generation before continuing as new (each adds a few dozen history events).</summary>
    public const int MessagesPerGeneration = 20;

    /// <summary>Retries of an email that still cannot go out are spaced up to this much.</summary>
    public static readonly TimeSpan MaxEffectRetryDelay = TimeSpan.FromMinutes(15);

    /// <summary>After this many tries (about three days at the longest spacing) an effect is given up and logged as an error.</summary>
    public const int MaxEffectAttempts = 300;

    private static readonly TaskOptions ActivityRetries = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    private readonly TaskOrchestrationContext _context;
    private readonly WorkflowSchedule _schedule;
    private readonly ILogger _logger;
    private readonly List<Task> _effectsInFlight = [];
    private readonly List<CommandOutcome> _recentOutcomes;
    private readonly List<Task> _timersCreated = [];
    private NeedState _state;
    private long _sequence;
    private int _decidedThisGeneration;

    private NeedOrchestrator(TaskOrchestrationContext context, NeedOrchestrationInput input)
    {
        _context = context;
        _schedule = input.Schedule;
        _state = input.State;
        _sequence = input.Sequence;
        _recentOutcomes = [.. input.RecentOutcomes];
        _logger = context.CreateReplaySafeLogger<NeedOrchestrator>();
    }

    private DateTimeOffset Now => new(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));

    [Function(nameof(NeedOrchestrator))]
    public static Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context, context.GetInput<NeedOrchestrationInput>()
            ?? throw new InvalidOperationException("A need orchestration starts from its input."));
    }

    public static Task RunAsync(TaskOrchestrationContext context, NeedOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new NeedOrchestrator(context, input).RunAsync(input.FirstEffects);
    }

    private async Task RunAsync(IReadOnlyList<NeedEffect>? firstEffects)
    {
        if (firstEffects is not null)
        {
            // The submission was decided by the intake; the orchestration carries it out like any other decision.
            await ApplyAsync(new Accepted(_state, firstEffects), outcome: null);
        }

        // One waiter for commands at a time, never cancelled: an event that reached a cancelled waiter would be lost.
        Task<NeedCommand>? command = null;
        Task? timer = null;
        var timerDue = DateTimeOffset.MinValue;
        while (true)
        {
            _effectsInFlight.RemoveAll(t => t.IsCompleted);
            if (_state.IsAnonymized && _effectsInFlight.Count == 0)
            {
                // The need's data is anonymised and it accepts nothing more (commands are refused before they reach
                // here): the orchestration completes, so that its history, which holds the data, can be purged.
                return;
            }

            _timersCreated.RemoveAll(t => t.IsCompleted);
            if (_decidedThisGeneration >= MessagesPerGeneration && _effectsInFlight.Count == 0 && _timersCreated.Count == 0 && _state.Timers.Count == 0)
            {
                // Only once no durable timer is pending: the Durable Task sidecar of LocalHost and of the test host
                // (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1) leaves an instance stuck when it continues as
                // new with a timer still scheduled. A need's timers are all past after its timeline (45 days by default),
                // and its history stays small until then.
                // Unprocessed events are carried over to the next generation (preserveUnprocessedEvents).
                _context.ContinueAsNew(new NeedOrchestrationInput
                {
                    State = _state,
                    Schedule = _schedule,
                    Sequence = _sequence,
                    RecentOutcomes = _recentOutcomes,
                });
                return;
            }

            command ??= _context.WaitForExternalEvent<NeedCommand>(CommandEvent);
            var next = _state.Timers.Count == 0 ? null : _state.Timers.MinBy(t => t.DueAt);
            if (next is null)
            {
                timer = null;
            }
            else if (timer is null || timerDue != next.DueAt)
            {
                // A timer left behind when the next due time changed still fires, and is then ignored.
                timerDue = next.DueAt;
                timer = _context.CreateTimer(next.DueAt.UtcDateTime, CancellationToken.None);
                _timersCreated.Add(timer);
            }

            var waiting = new List<Task>(2 + _effectsInFlight.Count) { command };
            if (timer is not null)
            {
                waiting.Add(timer);
            }

            waiting.AddRange(_effectsInFlight);
            var done = await Task.WhenAny(waiting);
            if (done == command)
            {
                var received = await command;
                command = null;
                await DecideCommandAsync(received);
            }
            else if (done == timer)
            {
                timer = null;
                await DecideDueTimersAsync(timerDue);
            }
            else
            {
                _effectsInFlight.Remove(done);
            }
        }
    }

    private async Task DecideCommandAsync(NeedCommand command)
    {
        if (_recentOutcomes.FirstOrDefault(o => o.CommandId == command.CommandId) is { } known)
        {
            // Sent again: answer again, decide nothing.
            await AnswerAsync(known);
            return;
        }

        switch (NeedDecider.Decide(_state, command.Event, Now, _schedule))
        {
            case Rejected rejected:
                // Nothing changes, but the caller is waiting for its answer.
                await AnswerAsync(Remember(CommandOutcome.Of(command.CommandId, _state.Version, rejected)));
                break;
            case Accepted accepted:
                await ApplyAsync(accepted, Remember(new CommandOutcome(command.CommandId, accepted.State.Version)));
                break;
        }
    }

    private CommandOutcome Remember(CommandOutcome outcome)
    {
        _recentOutcomes.Add(outcome);
        if (_recentOutcomes.Count > Storage.Snapshots.NeedSnapshotStore.OutcomesKept)
        {
            _recentOutcomes.RemoveAt(0);
        }

        return outcome;
    }

    private async Task AnswerAsync(CommandOutcome outcome)
    {
        _sequence++;
        _decidedThisGeneration++;
        await RecordAsync(new RecordDecisionInput(_state, _sequence, outcome, [], NeedLevelChanged: false));
    }

    /// <summary>Every timer due by now, earliest first (a timer fires at or after its due time).</summary>
    private async Task DecideDueTimersAsync(DateTimeOffset fired)
    {
        var now = Now > fired ? Now : fired;
        foreach (var due in _state.Timers.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ToList())
        {
            if (NeedDecider.Decide(_state, new TimerDue(due.TimerId, due.Kind, due.DueAt), Now, _schedule) is Accepted { IsNoOp: false } accepted)
            {
                await ApplyAsync(accepted, outcome: null);
            }
        }
    }

    private async Task ApplyAsync(Accepted decision, CommandOutcome? outcome)
    {
        _state = decision.State;
        _sequence++;
        _decidedThisGeneration++;
        var inbox = decision.Effects.OfType<UpdateProjection>()
            .Where(p => p.Kind == ProjectionKind.AdvisorInbox)
            .SelectMany(p => p.AdvisorIds)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var needLevelChanged = decision.Effects.OfType<UpdateProjection>().Any(p => p.Kind == ProjectionKind.NeedStatus);
        var searchChanged = decision.Effects.OfType<UpdateProjection>().Any(p => p.Kind == ProjectionKind.NeedSearch);
        await RecordAsync(new RecordDecisionInput(_state, _sequence, outcome, inbox, needLevelChanged, searchChanged));

        // Projections are recorded above; timers live in the state, which this orchestration waits on.
        if (decision.Effects.OfType<SendEmail>().ToList() is { Count: > 0 } emails)
        {
            _effectsInFlight.Add(RunEmailsAsync(new SendNeedEmailsInput(_state.NeedId, _state.Version, emails)));
        }

        foreach (var alert in decision.Effects.OfType<AlertOperators>())
        {
            _effectsInFlight.Add(RunEffectAsync(nameof(NeedActivities.AlertOperators), new AlertOperatorsInput(_state.NeedId, _state.Version, alert), alert.EffectId));
        }
    }

    /// <summary>A decision's emails, those the relay or the budget defers tried again after a delay, until all are out.</summary>
    private async Task RunEmailsAsync(SendNeedEmailsInput input)
    {
        var label = $"{input.NeedId} v{input.Version}";
        for (var attempt = 1; ; attempt++)
        {
            EmailsOutcome outcome;
            try
            {
                outcome = await _context.CallActivityAsync<EmailsOutcome>(nameof(NeedActivities.SendNeedEmails), input, ActivityRetries);
            }
            catch (TaskFailedException e)
            {
                _logger.LogWarning(e, "Emails of {Decision} failed (attempt {Attempt}); trying again later", label, attempt);
                outcome = new EmailsOutcome([.. input.Emails.Select(m => m.EffectId)], TimeSpan.Zero);
            }

            if (outcome.IsDone)
            {
                return;
            }

            if (attempt >= MaxEffectAttempts)
            {
                _logger.LogError("Emails {EffectIds} given up after {Attempts} attempts", string.Join(", ", outcome.Pending), attempt);
                return;
            }

            input = input with { Emails = [.. input.Emails.Where(m => outcome.Pending.Contains(m.EffectId))] };
            await _context.CreateTimer(_context.CurrentUtcDateTime + RetryDelay(outcome.RetryAfter, attempt), CancellationToken.None);
        }
    }

    private async Task RecordAsync(RecordDecisionInput input)
    {
        try
        {
            await _context.CallActivityAsync(nameof(NeedActivities.RecordDecision), input, ActivityRetries);
        }
        catch (TaskFailedException e)
        {
            // Storage refused five times in a row: the read models miss this decision until the next one rewrites the
            // snapshot. The workflow itself (this orchestration's state) lost nothing.
            _logger.LogError(e, "Need {NeedId}: decision {Sequence} could not be recorded", input.State.NeedId, input.Sequence);
        }
    }

    /// <summary>An alert to the operators, tried again after a delay as long as its emails cannot go out (relay down, throttling).</summary>
    private async Task RunEffectAsync(string activity, object input, string effectId)
    {
        for (var attempt = 1; ; attempt++)
        {
            EffectOutcome outcome;
            try
            {
                outcome = await _context.CallActivityAsync<EffectOutcome>(activity, input, ActivityRetries);
            }
            catch (TaskFailedException e)
            {
                _logger.LogWarning(e, "Effect {EffectId} failed (attempt {Attempt}); trying again later", effectId, attempt);
                outcome = EffectOutcome.Later(TimeSpan.Zero);
            }

            if (outcome.IsDone)
            {
                return;
            }

            if (attempt >= MaxEffectAttempts)
            {
                _logger.LogError("Effect {EffectId} given up after {Attempts} attempts", effectId, attempt);
                return;
            }

            await _context.CreateTimer(_context.CurrentUtcDateTime + RetryDelay(outcome.RetryAfter, attempt), CancellationToken.None);
        }
    }

    /// <summary>What the relay asked for, else <see cref="Backoff"/>; at most <see cref="MaxEffectRetryDelay"/>.</summary>
    private static TimeSpan RetryDelay(TimeSpan retryAfter, int attempt)
    {
        var delay = retryAfter > TimeSpan.Zero ? retryAfter : Backoff(attempt);
        return delay > MaxEffectRetryDelay ? MaxEffectRetryDelay : delay;
    }

    /// <summary>5 s, 10 s, 20 s… up to <see cref="MaxEffectRetryDelay"/>.</summary>
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(5 * Math.Pow(2, Math.Min(attempt - 1, 10)));
}
