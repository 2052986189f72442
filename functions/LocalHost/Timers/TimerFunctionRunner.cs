using System.Globalization;
using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NCrontab;
using System.Reflection;

namespace ConseillersEntreprises.LocalHost.Timers;

/// <summary>
/// Runs one timer function of the app on its schedule, as the Functions host does: an NCRONTAB expression with seconds
/// (<c>0 30 3 * * *</c>) or an interval (<c>00:05:00</c>), in UTC; the next occurrence counted from the one that fired
/// (never from "now", which fires a tick many times); an occurrence missed while the host was busy or down fires once,
/// late, with <see cref="TimerInfo.IsPastDue"/> set. Each run gets a new instance of the function's class from a new
/// service scope. One LocalHost runs per machine, so there is no singleton lease as on Azure.
/// </summary>
public sealed partial class TimerFunctionRunner(LocalFunction function, IServiceProvider services, TimeProvider time, ILogger<TimerFunctionRunner> logger)
    : BackgroundService
{
    /// <summary>Later than this after its occurrence, a run is past due.</summary>
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(1);

    private readonly Func<DateTime, DateTime> _next = NextOccurrence(function);

    /// <summary>Occurrences count from when the host made the runner, not from when its loop got a thread.</summary>
    private readonly DateTime _created = time.GetUtcNow().UtcDateTime;

    /// <summary>The schedule's next occurrence after a moment (UTC).</summary>
    public static Func<DateTime, DateTime> NextOccurrence(LocalFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var schedule = function.Schedule ?? throw new NotSupportedException($"Timer function {function.Name} has no schedule.");
        if (TimeSpan.TryParseExact(schedule, "c", CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return after => after + interval;
        }

        if (schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 6)
        {
            throw new NotSupportedException($"Timer function {function.Name}: '{schedule}' is not a six-field NCRONTAB expression (seconds first) nor an interval.");
        }

        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return cron.GetNextOccurrence;
    }

    /// <summary>Refuses, when LocalHost starts, a timer function whose parameters the Functions worker would bind otherwise.</summary>
    public static void EnsureBindable(LocalFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.Trigger.ParameterType != typeof(TimerInfo)
            || function.Method.GetParameters().Any(p => !function.IsTrigger(p) && p.ParameterType != typeof(CancellationToken) && !IsDurableClient(p)))
        {
            throw new NotSupportedException($"Timer function {function.Name}: take a TimerInfo, a CancellationToken and a [DurableClient] DurableTaskClient only; services through the constructor.");
        }

        _ = NextOccurrence(function);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = _created;
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = _next(last);
            var wait = due - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var now = time.GetUtcNow().UtcDateTime;
            var info = new TimerInfo
            {
                IsPastDue = now - due > PastDueAfter,
                ScheduleStatus = new ScheduleStatus { Last = last, Next = _next(now > due ? now : due), LastUpdated = now },
            };
            await RunAsync(info, stoppingToken);

            // Missed occurrences are not caught up one by one: the next is counted from the one that fired, or from now.
            last = now - due > PastDueAfter ? now : due;
        }
    }

    private async Task RunAsync(TimerInfo info, CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var arguments = function.Method.GetParameters()
                .Select(p => function.IsTrigger(p) ? info : IsDurableClient(p) ? scope.ServiceProvider.GetRequiredService<DurableTaskClient>() : (object)ct)
                .ToArray();
            await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, arguments);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As on Azure, a failed run is logged; the next occurrence runs as planned.
            LogFailed(logger, e, function.Name);
        }
    }

    /// <summary>A <c>[DurableClient] DurableTaskClient</c> input, as the Functions host binds it to a timer function too.</summary>
    private static bool IsDurableClient(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(DurableTaskClient) && parameter.GetCustomAttribute<DurableClientAttribute>() is not null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
