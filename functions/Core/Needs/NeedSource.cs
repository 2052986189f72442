namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The partner institution whose API key submitted the need (<c>POST /api/needs</c> with <c>Authorization: Bearer</c>).
/// A need without a source came from the public site's form.
/// </summary>
public sealed record NeedSource
{
    public required string InstitutionId { get; init; }

    /// <summary>Its name at submission, so that the need still reads well if the institution leaves the directory.</summary>
    public required string InstitutionName { get; init; }

    /// <summary>The id of the key used (never its secret).</summary>
    public required string KeyId { get; init; }
}
