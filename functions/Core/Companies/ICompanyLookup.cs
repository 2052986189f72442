using System.Diagnostics.CodeAnalysis;

namespace ConseillersEntreprises.Core.Companies;

/// <summary>Finds the public facts of a company establishment from its SIRET (port; the adapter calls API Recherche d'entreprises).</summary>
public interface ICompanyLookup
{
    /// <summary>
    /// Looks an establishment up. Never throws for a remote failure: that gives <see cref="CompanyLookupKind.Unavailable"/>.
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    /// <param name="siret">A SIRET; spaces are tolerated. A number that is not a valid SIRET gives <see cref="CompanyLookupKind.NotFound"/>
    /// without any remote call (validate it first with <see cref="Siret.TryNormalize"/> to tell the user why).</param>
    /// <param name="ct">Cancellation of the caller (e.g. the HTTP request aborted).</param>
    Task<CompanyLookupResult> LookupAsync(string siret, CancellationToken ct);
}

/// <summary>The three outcomes of a lookup.</summary>
public enum CompanyLookupKind
{
    /// <summary>The establishment exists and is public: <see cref="CompanyLookupResult.Facts"/> is set.</summary>
    Found,

    /// <summary>Unknown, or not publicly distributed (non-diffusible): the form asks the user for the commune.</summary>
    NotFound,

    /// <summary>The source could not answer now (network error, timeout, 5xx, rate limit): <see cref="CompanyLookupResult.Reason"/> says why.</summary>
    Unavailable,
}

/// <summary>
/// Outcome of <see cref="ICompanyLookup.LookupAsync"/>. Closed: only <see cref="Found"/>, <see cref="NotFound"/> and
/// <see cref="Unavailable"/> make one, so <see cref="Kind"/> says everything (switch on it).
/// </summary>
public sealed record CompanyLookupResult
{
    private CompanyLookupResult(CompanyLookupKind kind, CompanyFacts? facts, string? reason)
    {
        Kind = kind;
        Facts = facts;
        Reason = reason;
    }

    /// <summary>Which outcome this is.</summary>
    public CompanyLookupKind Kind { get; }

    /// <summary>The establishment's facts; set exactly when <see cref="Kind"/> is <see cref="CompanyLookupKind.Found"/>.</summary>
    public CompanyFacts? Facts { get; }

    /// <summary>Why the source could not answer, in French (fit for logs and operator screens); set exactly when <see cref="Kind"/> is <see cref="CompanyLookupKind.Unavailable"/>.</summary>
    public string? Reason { get; }

    /// <summary>The single not-found outcome (it carries no data).</summary>
    public static CompanyLookupResult NotFound { get; } = new(CompanyLookupKind.NotFound, null, null);

    /// <summary>True when <see cref="Kind"/> is <see cref="CompanyLookupKind.Found"/> (and so <see cref="Facts"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Facts))]
    public bool IsFound => Kind == CompanyLookupKind.Found;

    /// <summary>True when <see cref="Kind"/> is <see cref="CompanyLookupKind.Unavailable"/> (and so <see cref="Reason"/> is set).</summary>
    [MemberNotNullWhen(true, nameof(Reason))]
    public bool IsUnavailable => Kind == CompanyLookupKind.Unavailable;

    /// <summary>The establishment exists and is public.</summary>
    public static CompanyLookupResult Found(CompanyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new(CompanyLookupKind.Found, facts, null);
    }

    /// <summary>The source could not answer now; try again later.</summary>
    /// <param name="reason">Why, in French.</param>
    public static CompanyLookupResult Unavailable(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(CompanyLookupKind.Unavailable, null, reason);
    }
}
