using System.Collections.Concurrent;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConseillersEntreprises.Core.Tests.Workflow;

/// <summary>
/// <see cref="NeedOrchestrator"/> on Microsoft's in-process Durable test host (real replay, real timers on the wall
/// clock), with its three activities replaced by recorders: what the orchestration asked for is what these tests
/// check. Email activities answer as <see cref="EmailAnswer"/> says (done by default).
/// </summary>
public sealed class OrchestrationHost : IAsyncLifetime
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private DurableTaskTestHost? _host;

    static OrchestrationHost()
    {
        // The test host's gRPC side logs every call at Information through the default console logger.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
    }

    public ConcurrentQueue<RecordDecisionInput> Records { get; } = new();

    /// <summary>Every email the email activity was asked to send, one entry per email and attempt.</summary>
    public ConcurrentQueue<(OneEmail Input, DateTimeOffset At)> EmailAttempts { get; } = new();

    public ConcurrentQueue<AlertOperatorsInput> Alerts { get; } = new();

    /// <summary>How the email activity answers an attempt (the attempt number counts from 1 per effect).</summary>
    public Func<OneEmail, int, EffectOutcome> EmailAnswer { get; set; } = (_, _) => EffectOutcome.Done;

    public DurableTaskClient Client => _host?.Client ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                tasks.AddOrchestratorFunc<NeedOrchestrationInput>(nameof(NeedOrchestrator), (context, input) => NeedOrchestrator.RunAsync(context, input));
                tasks.AddActivityFunc<RecordDecisionInput>(nameof(NeedActivities.RecordDecision), (_, input) => Records.Enqueue(input));
                tasks.AddActivityFunc<SendNeedEmailsInput, EmailsOutcome>(nameof(NeedActivities.SendNeedEmails), (_, input) =>
                {
                    var pending = new List<string>();
                    var retryAfter = TimeSpan.Zero;
                    foreach (var email in input.Emails.Select(e => new OneEmail(input.NeedId, input.Version, e)))
                    {
                        EmailAttempts.Enqueue((email, DateTimeOffset.UtcNow));
                        var answer = EmailAnswer(email, EmailAttempts.Count(a => a.Input.Email.EffectId == email.Email.EffectId));
                        if (!answer.IsDone)
                        {
                            pending.Add(email.Email.EffectId);
                            retryAfter = answer.RetryAfter > retryAfter ? answer.RetryAfter : retryAfter;
                        }
                    }

                    return new EmailsOutcome(pending, retryAfter);
                });
                tasks.AddActivityFunc<AlertOperatorsInput, EffectOutcome>(nameof(NeedActivities.AlertOperators), (_, input) =>
                {
                    Alerts.Enqueue(input);
                    return EffectOutcome.Done;
                });
            },
            new DurableTaskTestHostOptions { LoggerFactory = NullLoggerFactory.Instance });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static string NewNeedId() => "n" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Submits a need to these advisors now, as the intake does, and starts its orchestration.</summary>
    public Task<string> StartNeedAsync(WorkflowSchedule schedule, params string[] advisorIds) => StartNeedAsync(NewNeedId(), schedule, advisorIds);

    public async Task<string> StartNeedAsync(string needId, WorkflowSchedule schedule, params string[] advisorIds)
    {
        var submitted = new NeedSubmitted(needId, "tresorerie", "Difficultés de trésorerie", "Un client important paie avec trois mois de retard.",
            Needs.NeedFixtures.Company, Needs.NeedFixtures.Contact, [.. advisorIds.Select(Needs.NeedFixtures.Advisor)]);
        var accepted = Assert.IsType<Accepted>(NeedDecider.Decide(null, submitted, DateTimeOffset.UtcNow, schedule));
        await Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(NeedOrchestrator),
            new NeedOrchestrationInput { State = accepted.State, Schedule = schedule, FirstEffects = accepted.Effects },
            new StartOrchestrationOptions(needId));
        return needId;
    }

    /// <summary>
    /// Sends a command and waits for the decision that answers it, sending it again after
    /// <see cref="NeedCommands.ResendAfter"/> without an answer, as <see cref="NeedCommands"/> does.
    /// </summary>
    public async Task<RecordDecisionInput> SendAsync(string needId, NeedEvent @event) =>
        await SendAsync(needId, new NeedCommand(Guid.NewGuid().ToString("N"), @event));

    public async Task<RecordDecisionInput> SendAsync(string needId, NeedCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            await Client.RaiseEventAsync(needId, NeedOrchestrator.CommandEvent, command);
            var deadline = DateTimeOffset.UtcNow + NeedCommands.ResendAfter;
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (Records.FirstOrDefault(r => r.Outcome?.CommandId == command.CommandId) is { } answer)
                {
                    return answer;
                }

                await Task.Delay(20);
            }

            Assert.True(attempt < 3, $"Command {command.CommandId} got no answer after three sends.");
        }
    }

    public RecordDecisionInput LastRecord(string needId) => Records.Where(r => r.State.NeedId == needId).MaxBy(r => r.Sequence)
        ?? throw new InvalidOperationException($"Nothing recorded for {needId}.");

    public IReadOnlyList<OneEmail> Emails(string needId, EmailTemplate? template = null) =>
        [.. EmailAttempts.Select(a => a.Input).Where(e => e.NeedId == needId && (template is null || e.Email.Template == template)).DistinctBy(e => e.Email.EffectId)];

    /// <summary>Waits for a condition to hold (polling), failing after 30 s.</summary>
    public static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTimeOffset.UtcNow + WaitLimit;
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, "The orchestration did not get there within 30 s.");
            await Task.Delay(20);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition) => WaitForAsync(() => condition() ? new object() : null);

    public static RoutedAdvisor Advisor(string id) => Needs.NeedFixtures.Advisor(id);
}

/// <summary>One email of a decision, as the email activity was asked to send it.</summary>
public sealed record OneEmail(string NeedId, long Version, SendEmail Email);
