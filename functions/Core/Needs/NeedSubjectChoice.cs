namespace ConseillersEntreprises.Core.Needs;

/// <summary>An operator chose the need's subject (the need's history: who, when, and what it was before).</summary>
public sealed record NeedSubjectChoice
{
    /// <summary>The operator's email.</summary>
    public required string Operator { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The subject before the choice; null for a need outside the catalogue.</summary>
    public string? PreviousSubjectId { get; init; }
}
