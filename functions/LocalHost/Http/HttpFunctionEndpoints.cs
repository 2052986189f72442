using System.Reflection;
using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.LocalHost.Http;

/// <summary>
/// Serves the app's HTTP functions on Kestrel, at the routes and methods of their <c>[HttpTrigger]</c> attributes under
/// host.json's route prefix, binding their parameters as the Functions worker does. To stay equivalent, a function
/// takes only the <see cref="HttpRequest"/>, route values as strings named as in the route, a
/// <c>[DurableClient]</c> <see cref="DurableTaskClient"/> and a <see cref="CancellationToken"/>, and returns an
/// <see cref="IResult"/>; LocalHost refuses to start on anything else.
/// </summary>
public static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app, IEnumerable<LocalFunction> functions, string routePrefix) =>
        app.MapHttpFunctions(functions, routePrefix, new Dictionary<string, string>());

    /// <param name="customHeaders">Headers every answer carries, as host.json's <c>extensions.http.customHeaders</c> has the Functions host add them.</param>
    public static IEndpointRouteBuilder MapHttpFunctions(
        this IEndpointRouteBuilder app, IEnumerable<LocalFunction> functions, string routePrefix, IReadOnlyDictionary<string, string> customHeaders)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Where(f => f.Kind == FunctionKind.Http))
        {
            var pattern = "/" + (routePrefix.Length > 0 ? routePrefix.Trim('/') + "/" : string.Empty) + function.EffectiveRoute;
            var handler = Handler(function, customHeaders);
            var endpoint = function.Methods is { Count: > 0 } methods
                ? app.MapMethods(pattern, [.. methods.Select(m => m.ToUpperInvariant())], handler)
                : app.Map(pattern, handler);
            endpoint.WithName(function.Name);
        }

        return app;
    }

    private static RequestDelegate Handler(LocalFunction function, IReadOnlyDictionary<string, string> customHeaders)
    {
        if (!typeof(IResult).IsAssignableFrom(FunctionInvoker.ResultType(function.Method.ReturnType)))
        {
            throw new NotSupportedException($"HTTP function {function.Name} must return an IResult (or a Task of one).");
        }

        var binders = function.Method.GetParameters().Select(p => Binder(function, p)).ToArray();
        return async context =>
        {
            foreach (var (name, value) in customHeaders)
            {
                context.Response.Headers[name] = value;
            }

            var result = (IResult?)await FunctionInvoker.InvokeAsync(function.Method, context.RequestServices, [.. binders.Select(b => b(context))]);
            await (result ?? TypedResults.NoContent()).ExecuteAsync(context);
        };
    }

    private static Func<HttpContext, object?> Binder(LocalFunction function, ParameterInfo parameter)
    {
        if (function.IsTrigger(parameter))
        {
            return parameter.ParameterType == typeof(HttpRequest)
                ? context => context.Request
                : throw Unbindable(function, parameter);
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return parameter.ParameterType == typeof(DurableTaskClient)
                ? context => context.RequestServices.GetRequiredService<DurableTaskClient>()
                : throw Unbindable(function, parameter);
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string) && function.EffectiveRoute.Contains("{" + parameter.Name, StringComparison.OrdinalIgnoreCase))
        {
            return context => context.GetRouteValue(parameter.Name!)?.ToString();
        }

        throw Unbindable(function, parameter);
    }

    private static NotSupportedException Unbindable(LocalFunction function, ParameterInfo parameter) =>
        new($"HTTP function {function.Name}: parameter {parameter.Name} ({parameter.ParameterType.Name}) cannot be bound here as the Functions worker binds it; read the request yourself.");
}
