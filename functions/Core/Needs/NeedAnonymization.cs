namespace ConseillersEntreprises.Core.Needs;

/// <summary>When and why the need's personal data was anonymised (its history says "anonymisé le …").</summary>
public sealed record NeedAnonymization
{
    public required AnonymizationReason Reason { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The operator who carried out an erasure request; null for the retention sweep.</summary>
    public string? Operator { get; init; }
}
