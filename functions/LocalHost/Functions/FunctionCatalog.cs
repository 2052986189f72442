using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>
/// The app's functions, found by reflection over its <c>[Function]</c> methods, so that nothing is listed twice: what
/// the Functions SDK writes into <c>functions.metadata</c> is what LocalHost serves (a test compares the two).
/// </summary>
public static class FunctionCatalog
{
    /// <exception cref="NotSupportedException">A function has a trigger LocalHost cannot run.</exception>
    public static IReadOnlyList<LocalFunction> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<LocalFunction>();
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                {
                    functions.Add(Describe(function.Name, method));
                }
            }
        }

        return [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static LocalFunction Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new LocalFunction(name, FunctionKind.Http, method, parameter, http.Route, http.Methods);
            }

            if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            {
                return new LocalFunction(name, FunctionKind.Orchestrator, method, parameter);
            }

            if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
            {
                return new LocalFunction(name, FunctionKind.Activity, method, parameter);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new LocalFunction(name, FunctionKind.Timer, method, parameter, Schedule: timer.Schedule);
            }
        }

        throw new NotSupportedException($"Function {name} ({method.DeclaringType?.Name}.{method.Name}): LocalHost runs HTTP, orchestration, activity and timer triggers only.");
    }
}
