using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>Which read model to refresh from the need's current state. JSON: snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProjectionKind>))]
public enum ProjectionKind
{
    /// <summary>The inbox rows of <see cref="UpdateProjection.AdvisorIds"/> for this need.</summary>
    [JsonStringEnumMemberName("advisor_inbox")]
    AdvisorInbox,

    /// <summary>The need's status or flags (unrouted, abandoned, cancelled) changed: baskets, stats, company view.</summary>
    [JsonStringEnumMemberName("need_status")]
    NeedStatus,

    /// <summary>The operators' search rows of the need: written at submission, rewritten when its subject is chosen.</summary>
    [JsonStringEnumMemberName("need_search")]
    NeedSearch,
}
