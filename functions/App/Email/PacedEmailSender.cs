using System.Threading.RateLimiting;
using ConseillersEntreprises.App.Settings;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Keeps the sender under the relay's quota (Azure Communication Services: 30 emails a minute by default):
/// a token bucket refilled evenly, waiting for a token rather than failing. Wraps the real sender.
/// </summary>
public sealed class PacedEmailSender : IEmailSender, IDisposable
{
    private readonly IEmailSender _inner;
    private readonly TokenBucketRateLimiter _limiter;

    public PacedEmailSender(IEmailSender inner, IOptions<EmailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        var perMinute = Math.Max(1, options.Value.MaxPerMinute);
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 6), // a small burst, then the steady rate
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        using var lease = await _limiter.AcquireAsync(1, ct);
        if (!lease.IsAcquired)
        {
            throw new EmailDeferredException(TimeSpan.FromMinutes(1), "Email pacing queue is full.");
        }

        await _inner.SendAsync(message, ct);
    }

    public void Dispose() => _limiter.Dispose();
}
