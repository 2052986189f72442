using System.Text.Json;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.Integration.Tests.Hosting;

/// <summary>
/// What Azure runs and what LocalHost serves are the same functions: the Functions SDK's <c>functions.metadata</c>
/// (written by the build of the app, copied beside these tests) lists exactly the functions LocalHost discovers, with the
/// same triggers, routes, methods, schedules and Durable client bindings.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void LocalHost_serves_exactly_the_functions_of_functions_metadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"the app's build writes {path}");

        var published = FromMetadata(File.ReadAllText(path));
        var local = FunctionCatalog.Discover(typeof(AppServiceCollectionExtensions).Assembly).Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(published, local);
        Assert.Contains(local, f => f.StartsWith("NeedOrchestrator|orchestrationTrigger", StringComparison.Ordinal));
        Assert.Contains(local, f => f.StartsWith("Health|httpTrigger|health|get", StringComparison.Ordinal));
    }

    /// <summary>One line per function: name|trigger|route|methods|schedule|durable client.</summary>
    private static string Line(string name, string trigger, string? route, IEnumerable<string>? methods, string? schedule, bool durableClient) =>
        $"{name}|{trigger}|{route}|{string.Join(',', (methods ?? []).Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal))}|{schedule}|{durableClient}";

    private static List<string> FromMetadata(string json)
    {
        using var document = JsonDocument.Parse(json);
        var lines = new List<string>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
            var trigger = bindings.Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string? Text(string property) => trigger.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var methods = trigger.TryGetProperty("methods", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(m => m.GetString()!)
                : null;
            lines.Add(Line(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text("route"),
                methods,
                Text("schedule"),
                bindings.Any(b => b.GetProperty("type").GetString() == "durableClient")));
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static string Describe(LocalFunction function) => Line(
        function.Name,
        function.TriggerType,
        function.Route,
        function.Methods,
        function.Schedule,
        function.Method.GetParameters().Any(p => p.GetCustomAttributes(typeof(DurableClientAttribute), false).Length > 0));
}
