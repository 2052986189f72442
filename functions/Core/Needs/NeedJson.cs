using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// JSON of the workflow's state, events and effects: camelCase properties, snake_case enum values and
/// <c>type</c> discriminators, nulls omitted. Events and effects must be (de)serialized as their base type so that
/// the discriminator is written and read.
/// </summary>
public static class NeedJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(NeedState state) => JsonSerializer.Serialize(state, Options);

    public static string Serialize(NeedEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static string Serialize(NeedEffect effect) => JsonSerializer.Serialize(effect, Options);

    public static NeedState DeserializeState(string json) =>
        JsonSerializer.Deserialize<NeedState>(json, Options) ?? throw new JsonException("A need state cannot be null.");

    public static NeedEvent DeserializeEvent(string json) =>
        JsonSerializer.Deserialize<NeedEvent>(json, Options) ?? throw new JsonException("A need event cannot be null.");

    public static NeedEffect DeserializeEffect(string json) =>
        JsonSerializer.Deserialize<NeedEffect>(json, Options) ?? throw new JsonException("A need effect cannot be null.");

    /// <summary>The <c>type</c> discriminator of an event (the event log's Type column).</summary>
    public static string EventType(NeedEvent @event) => @event switch
    {
        NeedSubmitted => NeedSubmitted.TypeName,
        PositionChanged => PositionChanged.TypeName,
        CommentPosted => CommentPosted.TypeName,
        TimerDue => TimerDue.TypeName,
        NeedCancelled => NeedCancelled.TypeName,
        AdvisorAdded => AdvisorAdded.TypeName,
        SatisfactionGiven => SatisfactionGiven.TypeName,
        SubjectChosen => SubjectChosen.TypeName,
        NeedApproved => NeedApproved.TypeName,
        NeedRejected => NeedRejected.TypeName,
        NeedReassigned => NeedReassigned.TypeName,
        NeedAnonymized => NeedAnonymized.TypeName,
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown need event."),
    };

    /// <summary>The <c>type</c> discriminator of an effect.</summary>
    public static string EffectType(NeedEffect effect) => effect switch
    {
        SendEmail => SendEmail.TypeName,
        ScheduleTimer => ScheduleTimer.TypeName,
        AlertOperators => AlertOperators.TypeName,
        UpdateProjection => UpdateProjection.TypeName,
        _ => throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown need effect."),
    };

    /// <summary>The JSON name of an enum value (e.g. <c>taking_care</c>), as stored and as in API.md.</summary>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        WireNames<TEnum>.ByValue.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Parses a JSON enum name (exact, case-sensitive), e.g. a timer row's Kind.</summary>
    public static bool TryParseWireName<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is not null && WireNames<TEnum>.ByName.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static class WireNames<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = typeof(TEnum)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToFrozenDictionary(
                f => (TEnum)f.GetValue(null)!,
                f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
