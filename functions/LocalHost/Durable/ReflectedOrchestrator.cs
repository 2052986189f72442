using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.DurableTask;

namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>An orchestrator function of the app, run by the Durable Task worker. The method takes only its context.</summary>
public sealed class ReflectedOrchestrator(LocalFunction function, IServiceProvider services) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => FunctionInvoker.ResultType(function.Method.ReturnType) ?? typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var converting = new InputConvertingContext(
            context,
            services.GetRequiredService<IOptions<Microsoft.DurableTask.Worker.DurableTaskWorkerOptions>>().Value.DataConverter,
            services.GetRequiredService<ILoggerFactory>());

        // An orchestrator does no I/O: it gets no scope, and a static method takes nothing but its context.
        return await FunctionInvoker.InvokeAsync(function.Method, services, [converting]);
    }
}
