namespace ConseillersEntreprises.App.Email;

/// <summary>What became of one email: out (sent now, or before), or to try again after <see cref="RetryAfter"/>.</summary>
public sealed record EmailDelivery(bool IsDone, TimeSpan RetryAfter)
{
    public static EmailDelivery Done { get; } = new(true, TimeSpan.Zero);

    public static EmailDelivery Later(TimeSpan retryAfter) => new(false, retryAfter);
}
