using System.Text.Json;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// The Azure Functions custom-handler contract for non-HTTP triggers: the host POSTs <c>{Data, Metadata}</c> to
/// <c>/{functionName}</c> and reads <c>{Outputs, Logs, ReturnValue}</c>; a non-2xx answer is a failure, retried and
/// poisoned after <c>maxDequeueCount</c> by the host.
/// </summary>
public static class FunctionInvocation
{
    /// <summary>The queue message of a queue-triggered invocation (binding name "message"), as plain text.</summary>
    public static string? QueueMessage(JsonElement invocation)
    {
        if (invocation.ValueKind != JsonValueKind.Object
            || !(invocation.TryGetProperty("Data", out var data) || invocation.TryGetProperty("data", out data))
            || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("message", out var message))
        {
            return null;
        }

        // With messageEncoding "none" the host passes the text as a JSON string; JSON messages may come parsed.
        return message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText();
    }

    private static readonly JsonSerializerOptions HostJson = new() { PropertyNamingPolicy = null };

    /// <summary>The answer the host reads, with its exact property names (PascalCase).</summary>
    public static IResult Response(int status, params string[] logs) =>
        Results.Json(new { Outputs = new Dictionary<string, object>(), Logs = logs, ReturnValue = (object?)null }, HostJson, statusCode: status);
}
