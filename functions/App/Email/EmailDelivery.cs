namespace ConseillersEntreprises.App.Email;

/// <summary>
/// What became of one email: out (sent now, or <see cref="Skipped"/> as sent before), or to try again after
/// <see cref="RetryAfter"/>.
/// </summary>
public sealed record EmailDelivery(bool IsDone, TimeSpan RetryAfter, bool Skipped = false)
{
    public static EmailDelivery Done { get; } = new(true, TimeSpan.Zero);

    public static EmailDelivery AlreadySent { get; } = new(true, TimeSpan.Zero, Skipped: true);

    public static EmailDelivery Later(TimeSpan retryAfter) => new(false, retryAfter);
}
