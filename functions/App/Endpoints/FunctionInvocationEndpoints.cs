using System.Text.Json;
using ConseillersEntreprises.App.Triggers;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// Queue and timer functions as the Functions host invokes them when the app runs as a custom handler. They answer
/// only in that mode (404 otherwise); there, the host's only HTTP function forwards <c>api/*</c>, so these routes
/// are not reachable from outside.
/// </summary>
public static class FunctionInvocationEndpoints
{
    public static IEndpointRouteBuilder MapFunctionInvocations(this IEndpointRouteBuilder app)
    {
        var functions = app.MapGroup("/").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<HostingMode>().IsCustomHandler
                ? await next(context)
                : Results.NotFound());
        functions.MapPost("/outbox", (JsonElement body, OutboxRelayHandler handler, CancellationToken ct) => RunQueueAsync(body, handler, ct));
        functions.MapPost("/emails", (JsonElement body, EmailQueueHandler handler, CancellationToken ct) => RunQueueAsync(body, handler, ct));
        functions.MapPost("/timers", async (TimerSweeper sweeper, CancellationToken ct) =>
            FunctionInvocation.Response(200, $"{await sweeper.SweepAsync(ct)} timer(s) fired"));
        functions.MapPost("/outbox-sweep", async (OutboxSweeper sweeper, CancellationToken ct) =>
            FunctionInvocation.Response(200, $"{await sweeper.SweepAsync(ct)} need(s) re-driven"));
        return app;
    }

    private static async Task<IResult> RunQueueAsync(JsonElement body, IQueueHandler handler, CancellationToken ct)
    {
        if (FunctionInvocation.QueueMessage(body) is not { } message)
        {
            return FunctionInvocation.Response(400, "No queue message in the invocation.");
        }

        // An exception here becomes a 500: the host counts the attempt and retries, then poisons the message.
        await handler.HandleAsync(message, ct);
        return FunctionInvocation.Response(200);
    }
}
