using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Moderation;

/// <summary>Why a submission waits in the operators' <c>review</c> basket instead of going to the advisors. JSON: snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HoldReason>))]
public enum HoldReason
{
    /// <summary>The hidden <c>website</c> field was filled: almost certainly a robot.</summary>
    [JsonStringEnumMemberName("honeypot")]
    Honeypot,

    /// <summary>The form was sent faster than a person could fill it (<c>filledInSeconds</c> under the setting).</summary>
    [JsonStringEnumMemberName("filled_too_fast")]
    FilledTooFast,

    /// <summary>The contact's email address is on the operators' block list.</summary>
    [JsonStringEnumMemberName("blocked_email")]
    BlockedEmail,

    /// <summary>The domain of the contact's email (or a parent domain) is on the operators' block list.</summary>
    [JsonStringEnumMemberName("blocked_domain")]
    BlockedDomain,

    /// <summary>The same SIRET already submitted a need on the same subject within the duplicate window.</summary>
    [JsonStringEnumMemberName("duplicate_siret")]
    DuplicateSiret,

    /// <summary>The same email already submitted a need on the same subject within the duplicate window.</summary>
    [JsonStringEnumMemberName("duplicate_email")]
    DuplicateEmail,
}
