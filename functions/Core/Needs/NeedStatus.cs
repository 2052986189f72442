using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// A need's status (<see cref="NeedState.Status"/>): <see cref="Cancelled"/> once an operator cancelled it, otherwise
/// derived from its matches (<see cref="NeedStatusRules.Derive"/>). JSON: snake_case.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedStatus>))]
public enum NeedStatus
{
    /// <summary>Waiting for an answer: some match is still quo (or no advisor was found yet).</summary>
    [JsonStringEnumMemberName("quo")]
    Quo,

    /// <summary>An advisor takes the need on.</summary>
    [JsonStringEnumMemberName("taking_care")]
    TakingCare,

    /// <summary>Closed by an advisor: help proposed.</summary>
    [JsonStringEnumMemberName("done")]
    Done,

    /// <summary>Closed by an advisor: no help available.</summary>
    [JsonStringEnumMemberName("done_no_help")]
    DoneNoHelp,

    /// <summary>Closed by an advisor: the company could not be reached.</summary>
    [JsonStringEnumMemberName("done_not_reachable")]
    DoneNotReachable,

    /// <summary>Refused by every advisor notified ("pas pour moi"), and by nothing else.</summary>
    [JsonStringEnumMemberName("not_for_me")]
    NotForMe,

    /// <summary>
    /// Nobody took the need on in time: the workflow expired the matches still unanswered (the others were refused).
    /// Never called refused.
    /// </summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,

    /// <summary>An operator cancelled the need (a duplicate, a test, a doubtful request), whatever its matches.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
