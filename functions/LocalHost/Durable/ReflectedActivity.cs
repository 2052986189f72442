using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.DurableTask;

namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>
/// An activity function of the app, run by the Durable Task worker: a new instance of its class per call, from a new
/// service scope, its input typed as the trigger parameter, and a <see cref="CancellationToken"/> if it asks for one.
/// </summary>
public sealed class ReflectedActivity(LocalFunction function, IServiceProvider services) : ITaskActivity
{
    public Type InputType => function.Trigger.ParameterType;

    public Type OutputType => FunctionInvoker.ResultType(function.Method.ReturnType) ?? typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        await using var scope = services.CreateAsyncScope();
        var arguments = function.Method.GetParameters()
            .Select(p => function.IsTrigger(p) ? input : (object)CancellationToken.None)
            .ToArray();
        return await FunctionInvoker.InvokeAsync(function.Method, scope.ServiceProvider, arguments);
    }

    /// <summary>Refuses, when LocalHost starts, an activity whose parameters the Functions worker would bind otherwise.</summary>
    public static void EnsureBindable(LocalFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var other = function.Method.GetParameters().FirstOrDefault(p => !function.IsTrigger(p) && p.ParameterType != typeof(CancellationToken));
        if (other is not null)
        {
            throw new NotSupportedException(
                $"Activity {function.Name}: parameter {other.Name} ({other.ParameterType.Name}) cannot be bound here as the Functions worker would; take services through the constructor.");
        }
    }
}
