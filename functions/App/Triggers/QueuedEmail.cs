using System.Text.Json;

namespace ConseillersEntreprises.App.Triggers;

/// <summary>A rendered email waiting in the emails queue, with the effect key that makes sending it idempotent.</summary>
public sealed record QueuedEmail(string Key, string To, string Subject, string HtmlBody, string TextBody)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static QueuedEmail Deserialize(string message) =>
        JsonSerializer.Deserialize<QueuedEmail>(message, Json) ?? throw new JsonException("Empty email message.");
}
