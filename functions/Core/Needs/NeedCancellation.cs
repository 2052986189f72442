namespace ConseillersEntreprises.Core.Needs;

/// <summary>An operator cancelled the need (e.g. a doubtful submission): it accepts no more events.</summary>
public sealed record NeedCancellation
{
    /// <summary>Email of the operator.</summary>
    public required string Operator { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}
