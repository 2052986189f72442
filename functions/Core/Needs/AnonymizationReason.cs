using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>Why a need's personal data was anonymised. JSON: retention, request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnonymizationReason>))]
public enum AnonymizationReason
{
    /// <summary>The need is older than the retention period (<c>Retention:AnonymizeAfter</c>).</summary>
    [JsonStringEnumMemberName("retention")]
    Retention,

    /// <summary>The company or the person asked for its data to be erased (an operator did it for them).</summary>
    [JsonStringEnumMemberName("request")]
    Request,
}
