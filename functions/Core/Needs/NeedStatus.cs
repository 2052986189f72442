using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>A need's status, derived from its matches (<see cref="NeedStatusRules.Derive"/>). JSON: snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NeedStatus>))]
public enum NeedStatus
{
    [JsonStringEnumMemberName("quo")]
    Quo,

    [JsonStringEnumMemberName("taking_care")]
    TakingCare,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("done_no_help")]
    DoneNoHelp,

    [JsonStringEnumMemberName("done_not_reachable")]
    DoneNotReachable,

    [JsonStringEnumMemberName("not_for_me")]
    NotForMe,
}
