using System.Reflection;
using System.Runtime.ExceptionServices;

namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>
/// Calls a function method the way the isolated worker does: on a new instance of its class made from the
/// invocation's services (none for a static method), then awaits what it returns and gives its result.
/// </summary>
public static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(MethodInfo method, IServiceProvider services, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            object? returned;
            try
            {
                returned = method.Invoke(target, arguments);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }

            return await ResultOfAsync(method.ReturnType, returned);
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>The type a function gives back once awaited: <c>T</c> for <c>Task&lt;T&gt;</c>, none for <c>Task</c>.</summary>
    public static Type? ResultType(Type returnType)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        return returnType.IsGenericType && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? returnType.GetGenericArguments()[0]
            : returnType;
    }

    /// <summary>Awaits what the method returned; the declared type says whether there is a result (an <c>async Task</c>
    /// method returns a <c>Task&lt;VoidTaskResult&gt;</c> at run time).</summary>
    private static async Task<object?> ResultOfAsync(Type declared, object? returned)
    {
        var resultType = ResultType(declared);
        switch (returned)
        {
            case Task task:
                await task;
                return resultType is null ? null : typeof(Task<>).MakeGenericType(resultType).GetProperty(nameof(Task<object>.Result))!.GetValue(task);
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)declared.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return typeof(Task<>).MakeGenericType(resultType!).GetProperty(nameof(Task<object>.Result))!.GetValue(asTask);
            default:
                return returned;
        }
    }
}
