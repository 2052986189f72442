using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>The operators' quality-follow-up baskets the workflow feeds (API.md). JSON: snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OperatorBasket>))]
public enum OperatorBasket
{
    /// <summary>No competent advisor was found.</summary>
    [JsonStringEnumMemberName("unrouted")]
    Unrouted,

    /// <summary>Still no answer at the company follow-up (day 9).</summary>
    [JsonStringEnumMemberName("no_answer")]
    NoAnswer,

    /// <summary>Last chance sent to advisors (day 21).</summary>
    [JsonStringEnumMemberName("last_chance")]
    LastChance,

    /// <summary>Every advisor refused.</summary>
    [JsonStringEnumMemberName("refused")]
    Refused,

    /// <summary>Nobody took the need on in time (day 45).</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,

    /// <summary>A doubtful submission waits for an operator's check before going to the advisors.</summary>
    [JsonStringEnumMemberName("review")]
    Review,
}
