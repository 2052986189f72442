using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// Keeps this process under the API's limit of 7 requests per second, and remembers a 429's Retry-After so that no
/// call goes out before it. Singleton: shared by every lookup of the process.
/// </summary>
/// <remarks>
/// A token bucket of a single token refilled every 1/<see cref="CompanyLookupOptions.RequestsPerSecond"/> second:
/// in any one-second window at most RequestsPerSecond + 1 calls start (7 with the default 6), whatever the
/// timer's jitter, where a bucket of 6 tokens refilled by 6 each second could start 12 in a few milliseconds.
/// Waiting is bounded: <see cref="CompanyLookupOptions.QueueLimit"/> waiters for <see cref="CompanyLookupOptions.MaxQueueWait"/> at most.
/// </remarks>
public sealed class RechercheEntreprisesRateGate : IDisposable
{
    private readonly TokenBucketRateLimiter limiter;
    private readonly TimeProvider time;
    private readonly TimeSpan maxQueueWait;
    private long blockedUntilUtcTicks;

    public RechercheEntreprisesRateGate(IOptions<CompanyLookupOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var o = options.Value;
        this.time = time;
        maxQueueWait = o.MaxQueueWait;
        limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / Math.Clamp(o.RequestsPerSecond, 1, 6)),
            AutoReplenishment = true,
            QueueLimit = o.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>How long calls must still wait because of a 429's Retry-After; zero when they may go.</summary>
    public TimeSpan BlockedFor
    {
        get
        {
            var remaining = Interlocked.Read(ref blockedUntilUtcTicks) - time.GetUtcNow().UtcTicks;
            return remaining > 0 ? TimeSpan.FromTicks(remaining) : TimeSpan.Zero;
        }
    }

    /// <summary>No call before now + <paramref name="delay"/> (never shortens an earlier, longer block).</summary>
    public void BlockFor(TimeSpan delay)
    {
        var until = time.GetUtcNow().UtcTicks + Math.Max(0, delay.Ticks);
        var current = Interlocked.Read(ref blockedUntilUtcTicks);
        while (until > current)
        {
            var seen = Interlocked.CompareExchange(ref blockedUntilUtcTicks, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>
    /// Waits for the right to make one call. False when the queue is full or the wait would exceed
    /// <see cref="CompanyLookupOptions.MaxQueueWait"/>: the lookup should then answer "unavailable".
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled.</exception>
    public async ValueTask<bool> TryAcquireAsync(CancellationToken ct)
    {
        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }

        using var queueTimeout = new CancellationTokenSource(maxQueueWait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, queueTimeout.Token);
        try
        {
            using var queued = await limiter.AcquireAsync(1, linked.Token);
            return queued.IsAcquired;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => limiter.Dispose();
}
