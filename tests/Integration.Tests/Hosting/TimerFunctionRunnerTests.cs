using ConseillersEntreprises.LocalHost.Functions;
using ConseillersEntreprises.LocalHost.Timers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Integration.Tests.Hosting;

/// <summary>LocalHost runs timer functions as the Functions host does: on schedule, once per occurrence, a missed one once and past due.</summary>
public sealed class TimerFunctionRunnerTests
{
    private static readonly List<TimerInfo> Runs = [];

    /// <summary>A timer function as the app writes one (every ten seconds here).</summary>
    public sealed class Ticking
    {
        [Function("Tick")]
        public static Task Tick([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
        {
            lock (Runs)
            {
                Runs.Add(timer);
            }

            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Each_occurrence_runs_once_and_occurrences_missed_meanwhile_run_once_past_due()
    {
        var function = Assert.Single(FunctionCatalog.Discover(typeof(Ticking).Assembly), f => f.Name == "Tick");
        TimerFunctionRunner.EnsureBindable(function);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 1, TimeSpan.Zero));
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var runner = new TimerFunctionRunner(function, services, clock, NullLogger<TimerFunctionRunner>.Instance);
        await runner.StartAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(9)); // 10:00:10
        await RunsReachAsync(1);
        clock.Advance(TimeSpan.FromSeconds(10)); // 10:00:20
        await RunsReachAsync(2);
        clock.Advance(TimeSpan.FromSeconds(35)); // 10:00:55: 30, 40 and 50 were missed
        await RunsReachAsync(3);
        clock.Advance(TimeSpan.FromSeconds(5)); // 10:01:00
        await RunsReachAsync(4);
        await runner.StopAsync(CancellationToken.None);

        TimerInfo[] runs;
        lock (Runs)
        {
            runs = [.. Runs];
        }

        Assert.Equal(4, runs.Length);
        Assert.Equal([false, false, true, false], runs.Select(r => r.IsPastDue));
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 20, DateTimeKind.Utc), runs[0].ScheduleStatus!.Next);
        Assert.Equal(new DateTime(2026, 12, 1, 10, 1, 0, DateTimeKind.Utc), runs[2].ScheduleStatus!.Next);
    }

    [Fact]
    public void A_schedule_the_Functions_host_would_not_read_is_refused_when_LocalHost_starts()
    {
        var function = FunctionCatalog.Discover(typeof(Ticking).Assembly).Single(f => f.Name == "Tick") with { Schedule = "*/10 * * * *" };

        Assert.Throws<NotSupportedException>(() => TimerFunctionRunner.EnsureBindable(function));
    }

    private static async Task RunsReachAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            lock (Runs)
            {
                if (Runs.Count >= count)
                {
                    Assert.Equal(count, Runs.Count);
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {count} never came");
            await Task.Delay(20);
        }
    }
}
