using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// The body of <c>POST /api/needs</c> (API.md) exactly as it arrives: every field may be missing, blank or
/// malformed, so everything is nullable. <see cref="NeedSubmissionValidator"/> turns it into a
/// <see cref="ValidatedSubmission"/> or a list of French messages per field.
/// </summary>
public sealed record NeedSubmission
{
    [JsonPropertyName(NeedFields.SubjectId)]
    public string? SubjectId { get; init; }

    [JsonPropertyName(NeedFields.Description)]
    public string? Description { get; init; }

    [JsonPropertyName(NeedFields.Siret)]
    public string? Siret { get; init; }

    /// <summary>INSEE code of the commune; required by the app only when the company lookup cannot give it.</summary>
    [JsonPropertyName(NeedFields.CommuneCode)]
    public string? CommuneCode { get; init; }

    [JsonPropertyName(NeedFields.CompanyName)]
    public string? CompanyName { get; init; }

    [JsonPropertyName(NeedFields.FirstName)]
    public string? FirstName { get; init; }

    [JsonPropertyName(NeedFields.LastName)]
    public string? LastName { get; init; }

    [JsonPropertyName(NeedFields.Email)]
    public string? Email { get; init; }

    [JsonPropertyName(NeedFields.Phone)]
    public string? Phone { get; init; }

    /// <summary>Must be true: the person agrees that their contact details are sent to the advisors.</summary>
    [JsonPropertyName(NeedFields.Consent)]
    public bool? Consent { get; init; }

    /// <summary>Optional client-chosen key: the same key returns the same need, never two.</summary>
    [JsonPropertyName(NeedFields.IdempotencyKey)]
    public string? IdempotencyKey { get; init; }

    /// <summary>Honeypot: a field hidden from people, that only robots fill. Filled, the need waits for an operator's check.</summary>
    [JsonPropertyName(NeedFields.Website)]
    public string? Website { get; init; }

    /// <summary>How long the form took to fill, as the site measured it; absent from partners' API posts.</summary>
    [JsonPropertyName(NeedFields.FilledInSeconds)]
    public double? FilledInSeconds { get; init; }
}
