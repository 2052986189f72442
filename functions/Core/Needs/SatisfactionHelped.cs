using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>The company's answer to "did the support help you?". JSON: yes, partly, no.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SatisfactionHelped>))]
public enum SatisfactionHelped
{
    [JsonStringEnumMemberName("yes")]
    Yes,

    [JsonStringEnumMemberName("partly")]
    Partly,

    [JsonStringEnumMemberName("no")]
    No,
}
