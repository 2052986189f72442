namespace ConseillersEntreprises.Core.Needs;

/// <summary>A message of the need's comment thread, shared by its advisors and the operators.</summary>
public sealed record NeedComment
{
    /// <summary>Operators' <see cref="AuthorId"/>.</summary>
    public const string OperatorAuthor = "operator";

    /// <summary>Stable id within the need: <c>c{version}</c>, the version of the event that posted it.</summary>
    public required string Id { get; init; }

    /// <summary>The advisor id of the author, or <see cref="OperatorAuthor"/>.</summary>
    public required string AuthorId { get; init; }

    /// <summary>Display name of the author.</summary>
    public required string AuthorName { get; init; }

    /// <summary>The author's institution; null for the operators' team.</summary>
    public string? Institution { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset At { get; init; }
}
