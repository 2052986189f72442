using Azure.Storage.Queues;
using ConseillersEntreprises.App.Triggers;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConseillersEntreprises.Integration.Tests.Triggers;

/// <summary>The local runner's queue-trigger semantics against a real Azurite queue.</summary>
public sealed class LocalQueueTriggerTests
{
    private readonly QueueBus _bus = new(new QueueServiceClient(TestEnvironment.StorageConnectionString), AppHost.NewTablePrefix());

    private sealed class RecordingHandler(Func<string, int, bool> succeeds) : IQueueHandler
    {
        private readonly Dictionary<string, int> _attempts = [];

        public string QueueName => QueueBus.Outbox;

        public Dictionary<string, int> Attempts => _attempts;

        public Task HandleAsync(string message, CancellationToken ct)
        {
            lock (_attempts)
            {
                _attempts[message] = _attempts.GetValueOrDefault(message) + 1;
                if (!succeeds(message, _attempts[message]))
                {
                    throw new InvalidOperationException($"failure of {message}");
                }
            }

            return Task.CompletedTask;
        }
    }

    private static async Task RunUntilAsync(LocalQueueTrigger trigger, Func<Task<bool>> done)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await trigger.StartAsync(cts.Token);
        try
        {
            while (!await done())
            {
                await Task.Delay(100, cts.Token);
            }
        }
        finally
        {
            await trigger.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Handled_messages_are_deleted_failing_ones_retried_and_poisoned_after_five_attempts()
    {
        await _bus.EnsureCreatedAsync(CancellationToken.None);
        var handler = new RecordingHandler((message, attempt) => message switch
        {
            "ok" => true,
            "flaky" => attempt >= 3,
            _ => false,
        });
        var trigger = new LocalQueueTrigger(handler, _bus, new HostingMode(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), TimeProvider.System, NullLogger<LocalQueueTrigger>.Instance) { RetryDelay = TimeSpan.Zero };
        foreach (var message in new[] { "ok", "flaky", "broken" })
        {
            await _bus.SendAsync(QueueBus.Outbox, message, CancellationToken.None);
        }

        await RunUntilAsync(trigger, async () => (await _bus.Poison(QueueBus.Outbox).PeekMessagesAsync(1)).Value.Length == 1
                                               && handler.Attempts.GetValueOrDefault("flaky") >= 3);

        Assert.Equal(1, handler.Attempts["ok"]);
        Assert.Equal(3, handler.Attempts["flaky"]);
        Assert.Equal(QueueBus.MaxDequeueCount, handler.Attempts["broken"]);
        var poisoned = Assert.Single((await _bus.Poison(QueueBus.Outbox).PeekMessagesAsync(10)).Value);
        Assert.Equal("broken", poisoned.Body.ToString());
        Assert.Equal(0, (await _bus.Queue(QueueBus.Outbox).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }
}
