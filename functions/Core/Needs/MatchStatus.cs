using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>Where one advisor stands on a need (one match per advisor notified). JSON: the snake_case names of API.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatchStatus>))]
public enum MatchStatus
{
    /// <summary>No answer yet.</summary>
    [JsonStringEnumMemberName("quo")]
    Quo,

    /// <summary>The advisor takes the need on.</summary>
    [JsonStringEnumMemberName("taking_care")]
    TakingCare,

    /// <summary>Closed: help proposed.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>Closed: no help available.</summary>
    [JsonStringEnumMemberName("done_no_help")]
    DoneNoHelp,

    /// <summary>Closed: the company could not be reached.</summary>
    [JsonStringEnumMemberName("done_not_reachable")]
    DoneNotReachable,

    /// <summary>Refused ("pas pour moi").</summary>
    [JsonStringEnumMemberName("not_for_me")]
    NotForMe,

    /// <summary>Still unanswered when the need was abandoned. Set by the workflow only.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,
}
