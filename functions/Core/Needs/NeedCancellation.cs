namespace ConseillersEntreprises.Core.Needs;

/// <summary>An operator cancelled the need (e.g. a doubtful submission): it accepts no more events.</summary>
public sealed record NeedCancellation
{
    /// <summary>
    /// The reason given when an open need is cancelled before its data is erased on request: written by the service, not
    /// personal, so anonymisation keeps it (the advisors' cancellation email says it).
    /// </summary>
    public const string ErasureReason = "Données effacées à la demande de l'entreprise";

    /// <summary>Email of the operator.</summary>
    public required string Operator { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}
