namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// A need submission that passed <see cref="NeedSubmissionValidator"/>, with normalised values: consent was given, so
/// it is not kept; the honeypot and the filling time are kept as signals for the moderation rules.
/// </summary>
/// <param name="SubjectId">Identifier of an existing subject of the catalogue; null for a need outside the catalogue.</param>
/// <param name="Description">The need in the person's words: trimmed, line endings "\n", 20 to 4,000 characters.</param>
/// <param name="Siret">The 14 digits of a valid SIRET; null for a company not yet registered (then
/// <paramref name="CommuneCode"/> and <paramref name="CompanyName"/> are given).</param>
/// <param name="CommuneCode">INSEE commune code (5 digits, or 2A/2B and 3 digits, upper case); null when not given.</param>
/// <param name="CompanyName">Company name as typed, white space collapsed; null when not given.</param>
/// <param name="FirstName">First name, white space collapsed.</param>
/// <param name="LastName">Last name, white space collapsed.</param>
/// <param name="Email">Email address, trimmed, domain in lower case.</param>
/// <param name="Phone">Telephone number (E.164 and display forms).</param>
/// <param name="IdempotencyKey">Client-chosen key; null when not given.</param>
public sealed record ValidatedSubmission(
    string? SubjectId,
    string Description,
    string? Siret,
    string? CommuneCode,
    string? CompanyName,
    string FirstName,
    string LastName,
    string Email,
    PhoneNumber Phone,
    string? IdempotencyKey)
{
    /// <summary>The hidden <c>website</c> field was filled: the need is held for a check.</summary>
    public bool HoneypotFilled { get; init; }

    /// <summary>How long the form took, as the site measured it; null when not sent.</summary>
    public double? FilledInSeconds { get; init; }

    /// <summary>The company has no SIRET yet: it is routed on its commune alone, and named by the person.</summary>
    public bool IsUnregisteredCompany => Siret is null;

    /// <summary>The person did not find their need in the catalogue: the operators choose its subject.</summary>
    public bool IsOutsideCatalogue => SubjectId is null;
}
