using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Queues;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// Under the Functions host the app runs no triggers itself: the host POSTs <c>{Data, Metadata}</c> to the function's
/// route. Here the test plays the host: it takes the queue messages and invokes the functions the way it would.
/// </summary>
public sealed class CustomHandlerInvocationTests
{
    [Fact]
    public async Task Queue_functions_invoked_by_the_host_carry_out_a_needs_effects()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1, settings: new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7999" });
        static object Invocation(object data) => new Dictionary<string, object> { ["Data"] = data, ["Metadata"] = new Dictionary<string, object>() };
        var queues = new QueueServiceClient(TestEnvironment.StorageConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var needId = await harness.SubmitAsync();

        var outbox = (await queues.GetQueueClient(harness.Host.TablePrefix + QueueBus.Outbox).ReceiveMessagesAsync(10)).Value;
        Assert.Equal(needId, Assert.Single(outbox).Body.ToString());
        var relayed = await harness.Client.PostAsJsonAsync("/outbox", Invocation(new { message = needId }));
        Assert.Equal(HttpStatusCode.OK, relayed.StatusCode);
        Assert.True((await relayed.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("Logs", out _));

        var emails = (await queues.GetQueueClient(harness.Host.TablePrefix + QueueBus.Emails).ReceiveMessagesAsync(10)).Value;
        Assert.Equal(2, emails.Length); // the advisor's and the company's
        foreach (var email in emails)
        {
            var sent = await harness.Client.PostAsJsonAsync("/emails", Invocation(new { message = email.Body.ToString() }));
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0)));
        Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail));
        var timers = await harness.Client.PostAsJsonAsync("/timers", Invocation(new { timer = new { } }));
        Assert.Equal(HttpStatusCode.OK, timers.StatusCode);
        var empty = await harness.Client.PostAsJsonAsync("/outbox", Invocation(new { }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
