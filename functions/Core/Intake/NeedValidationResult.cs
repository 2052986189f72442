using System.Diagnostics.CodeAnalysis;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>
/// What <see cref="NeedSubmissionValidator.Validate"/> found: either the normalised submission, or every problem,
/// as French messages keyed by the camelCase JSON field name (see <see cref="NeedFields"/>), ready for a
/// <c>ValidationProblemDetails</c>.
/// </summary>
public sealed class NeedValidationResult
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private NeedValidationResult(ValidatedSubmission? submission, IReadOnlyDictionary<string, string[]> errors, bool honeypotFilled)
    {
        Submission = submission;
        Errors = errors;
        HoneypotFilled = honeypotFilled;
    }

    /// <summary>The normalised submission; null when there is any problem.</summary>
    public ValidatedSubmission? Submission { get; }

    /// <summary>Field name → French messages; empty when valid. Keys follow the order of the JSON body.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>
    /// True when the honeypot (<c>website</c>) was filled: almost certainly a robot. It is not an error (a valid
    /// submission is accepted and held for a check); on an invalid one it only says so.
    /// </summary>
    public bool HoneypotFilled { get; }

    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;

    internal static NeedValidationResult Valid(ValidatedSubmission submission) => new(submission, NoErrors, submission.HoneypotFilled);

    internal static NeedValidationResult Invalid(IReadOnlyDictionary<string, string[]> errors, bool honeypotFilled) =>
        new(null, errors, honeypotFilled);
}
