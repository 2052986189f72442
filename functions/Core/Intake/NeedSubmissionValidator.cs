using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// Pure validation of a need submission (<c>POST /api/needs</c>, API.md): every problem is listed, each under its
/// camelCase JSON field name with a French message; when there is none, the normalised values.
/// <para>Rules: <c>subjectId</c> existing when given (absent or blank: a need outside the catalogue, whose subject the
/// operators choose); <c>description</c> 20 to 4,000 characters once normalised; <c>siret</c> valid
/// (<see cref="Siret.TryNormalize"/>), or absent for a company not yet registered (being created or taken over): then
/// <c>communeCode</c> and <c>companyName</c> (the company's or the project's name) are required; <c>firstName</c> and <c>lastName</c> required, 100
/// characters at most, at least one letter, no control character; <c>email</c> valid, 254 characters at most;
/// <c>phone</c> a French number (<see cref="PhoneNumber"/>); <c>consent</c> true; <c>website</c> (honeypot): anything, a
/// filled one is only flagged (<see cref="ValidatedSubmission.HoneypotFilled"/>: the need is accepted and held, the robot
/// learns nothing); <c>filledInSeconds</c> passed on as is;
/// optional <c>communeCode</c> (INSEE format), <c>companyName</c> (200 characters at most) and
/// <c>idempotencyKey</c> (100 characters at most among letters, digits and <c>- _ : .</c>).</para>
/// <para>Whether <c>communeCode</c> is required depends on the company lookup: the app decides, not this class.
/// Lengths are counted in UTF-16 code units, as the browser's <c>maxlength</c> does. Text stays text: nothing is
/// HTML-stripped, encoding is the job of whatever outputs it (see <see cref="IntakeText"/> for the normalisation).</para>
/// </summary>
public static partial class NeedSubmissionValidator
{
    public const int DescriptionMinLength = 20;
    public const int DescriptionMaxLength = 4_000;
    public const int NameMaxLength = 100;
    public const int CompanyNameMaxLength = 200;
    public const int IdempotencyKeyMaxLength = 100;

    /// <summary>Subject identifiers longer than this are not looked up: no catalogue has such ids.</summary>
    private const int SubjectIdMaxLength = 200;

    /// <summary>Validates and normalises <paramref name="submission"/> (a missing body counts as all fields empty).</summary>
    /// <param name="submission">The body as deserialised.</param>
    /// <param name="subjectExists">Whether the catalogue has that subject id (called with a trimmed, non-empty id).</param>
    public static NeedValidationResult Validate(NeedSubmission? submission, Func<string, bool> subjectExists)
    {
        ArgumentNullException.ThrowIfNull(subjectExists);
        submission ??= new NeedSubmission();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var subjectId = NullIfEmpty(IntakeText.SingleLine(submission.SubjectId));
        if (subjectId is not null && (subjectId.Length > SubjectIdMaxLength || !subjectExists(subjectId)))
        {
            Add(errors, NeedFields.SubjectId, NeedMessages.SubjectUnknown);
        }

        var description = IntakeText.MultiLine(submission.Description) ?? string.Empty;
        if (description.Length < DescriptionMinLength)
        {
            Add(errors, NeedFields.Description, NeedMessages.DescriptionTooShort);
        }
        else if (description.Length > DescriptionMaxLength)
        {
            Add(errors, NeedFields.Description, NeedMessages.DescriptionTooLong);
        }

        // Zero-width characters pasted with the number are not white space for Siret: remove them first.
        var siretInput = NullIfEmpty(IntakeText.SingleLine(submission.Siret));
        string? siret = null;
        if (siretInput is not null)
        {
            if (Siret.TryNormalize(siretInput, out var digits, out var siretError))
            {
                siret = digits;
            }
            else
            {
                Add(errors, NeedFields.Siret, siretError ?? NeedMessages.SiretInvalid);
            }
        }

        var communeCode = NullIfEmpty(IntakeText.SingleLine(submission.CommuneCode)?.ToUpperInvariant());
        if (communeCode is not null && !CommuneCodePattern().IsMatch(communeCode))
        {
            Add(errors, NeedFields.CommuneCode, NeedMessages.CommuneCodeInvalid);
        }

        var companyName = NullIfEmpty(IntakeText.SingleLine(submission.CompanyName));
        if (companyName is not null)
        {
            if (companyName.Length > CompanyNameMaxLength)
            {
                Add(errors, NeedFields.CompanyName, NeedMessages.CompanyNameTooLong);
            }
            else if (IntakeText.HasForbiddenCharacters(companyName))
            {
                Add(errors, NeedFields.CompanyName, NeedMessages.CompanyNameInvalidCharacters);
            }
        }

        if (siretInput is null)
        {
            RequireWhereNoSiret(communeCode, companyName, errors);
        }

        var firstName = PersonName(submission.FirstName, NeedFields.FirstName, errors, NeedMessages.FirstNameRequired,
            NeedMessages.FirstNameTooLong, NeedMessages.FirstNameInvalidCharacters, NeedMessages.FirstNameWithoutLetter);
        var lastName = PersonName(submission.LastName, NeedFields.LastName, errors, NeedMessages.LastNameRequired,
            NeedMessages.LastNameTooLong, NeedMessages.LastNameInvalidCharacters, NeedMessages.LastNameWithoutLetter);

        var email = Email(submission.Email, errors);

        if (!PhoneNumber.TryParse(submission.Phone, out var phone, out var phoneError))
        {
            Add(errors, NeedFields.Phone, phoneError);
        }

        if (submission.Consent != true)
        {
            Add(errors, NeedFields.Consent, NeedMessages.ConsentRequired);
        }

        var idempotencyKey = NullIfEmpty(IntakeText.SingleLine(submission.IdempotencyKey));
        if (idempotencyKey is not null
            && (idempotencyKey.Length > IdempotencyKeyMaxLength || !IdempotencyKeyPattern().IsMatch(idempotencyKey)))
        {
            Add(errors, NeedFields.IdempotencyKey, NeedMessages.IdempotencyKeyInvalid);
        }

        var honeypotFilled = !string.IsNullOrEmpty(IntakeText.SingleLine(submission.Website));

        if (errors.Count > 0 || firstName is null || lastName is null || email is null || phone is null)
        {
            return NeedValidationResult.Invalid(errors, honeypotFilled);
        }

        return NeedValidationResult.Valid(new ValidatedSubmission(
            subjectId, description, siret, communeCode, companyName, firstName, lastName, email, phone, idempotencyKey)
        {
            HoneypotFilled = honeypotFilled,
            FilledInSeconds = submission.FilledInSeconds is { } seconds && double.IsFinite(seconds) ? seconds : null,
        });
    }

    /// <summary>
    /// Without a SIRET the need is routed on the commune alone, and the company is named by the person. Someone who
    /// gave neither most likely forgot the SIRET: that is what they are told.
    /// </summary>
    private static void RequireWhereNoSiret(string? communeCode, string? companyName, Dictionary<string, string[]> errors)
    {
        if (communeCode is null && companyName is null)
        {
            Add(errors, NeedFields.Siret, NeedMessages.SiretRequired);
            return;
        }

        if (communeCode is null)
        {
            Add(errors, NeedFields.CommuneCode, NeedMessages.CommuneRequiredWithoutSiret);
        }

        if (companyName is null)
        {
            Add(errors, NeedFields.CompanyName, NeedMessages.CompanyNameRequiredWithoutSiret);
        }
    }

    private static string? PersonName(
        string? input, string field, Dictionary<string, string[]> errors,
        string required, string tooLong, string invalidCharacters, string withoutLetter)
    {
        var name = IntakeText.SingleLine(input);
        string? problem = null;
        if (string.IsNullOrEmpty(name))
        {
            problem = required;
        }
        else if (name.Length > NameMaxLength)
        {
            problem = tooLong;
        }
        else if (IntakeText.HasForbiddenCharacters(name))
        {
            problem = invalidCharacters;
        }
        else if (!IntakeText.HasLetter(name))
        {
            problem = withoutLetter;
        }

        if (problem is null)
        {
            return name;
        }

        Add(errors, field, problem);
        return null;
    }

    private static string? Email(string? input, Dictionary<string, string[]> errors)
    {
        var email = IntakeText.SingleLine(input);
        string? problem = null;
        if (string.IsNullOrEmpty(email))
        {
            problem = NeedMessages.EmailRequired;
        }
        else if (email.Length > EmailAddress.MaxLength)
        {
            problem = NeedMessages.EmailTooLong;
        }
        else if (!EmailAddress.IsValid(email))
        {
            problem = NeedMessages.EmailInvalid;
        }

        if (problem is not null || email is null)
        {
            Add(errors, NeedFields.Email, problem ?? NeedMessages.EmailRequired);
            return null;
        }

        // The domain is case-insensitive; the local part is left as typed (it may matter to some servers).
        var at = email.LastIndexOf('@');
        return string.Concat(email.AsSpan(0, at + 1), email[(at + 1)..].ToLowerInvariant());
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static void Add(Dictionary<string, string[]> errors, string field, string message) => errors[field] = [message];

    /// <summary>INSEE commune code: 5 digits, or 2A/2B (Corsica) and 3 digits.</summary>
    [GeneratedRegex(@"^(?:[0-9]{5}|2[AB][0-9]{3})$", RegexOptions.CultureInvariant)]
    private static partial Regex CommuneCodePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_:.\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdempotencyKeyPattern();
}
