using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// Keeps this process under the API's limit of 7 requests per second, and remembers a 429's Retry-After so that no
/// call goes out before it. Singleton: shared by every lookup of the process.
/// </summary>
/// <remarks>
/// The API counts requests when they ARRIVE, and a request arrives somewhere between the moment we send it and the
/// moment its answer comes back: scheduling and the network can bunch up calls that left evenly spaced (a token
/// bucket measured at departure let 8 arrive within one second under CPU load). So each call holds one of
/// <see cref="CompanyLookupOptions.RequestsPerSecond"/> permits from before it is sent until one second after its
/// answer. Proof of the bound: of N calls arriving within one second, the last to start found every other one still
/// in flight or answered less than a second before, so all N held a permit at once, and N ≤ RequestsPerSecond.
/// Waiting is bounded: <see cref="CompanyLookupOptions.QueueLimit"/> waiters for <see cref="CompanyLookupOptions.MaxQueueWait"/> at most.
/// </remarks>
public sealed class RechercheEntreprisesRateGate : IDisposable
{
    /// <summary>The API's window, plus a little for timers that fire a few milliseconds early.</summary>
    private static readonly TimeSpan HoldAfterAnswer = TimeSpan.FromMilliseconds(1050);

    private readonly ConcurrencyLimiter limiter;
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
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Clamp(o.RequestsPerSecond, 1, 6),
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
    /// Waits for the right to make one call; dispose the slot as soon as the call is answered (or failed). Null when
    /// the queue is full or the wait would exceed <see cref="CompanyLookupOptions.MaxQueueWait"/>: the lookup should
    /// then answer "unavailable".
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="ct"/> is cancelled.</exception>
    public async ValueTask<CallSlot?> TryAcquireAsync(CancellationToken ct)
    {
        var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            using var queueTimeout = new CancellationTokenSource(maxQueueWait, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, queueTimeout.Token);
            try
            {
                lease = await limiter.AcquireAsync(1, linked.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return null;
            }

            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return null;
            }
        }

        return new CallSlot(lease, time);
    }

    public void Dispose() => limiter.Dispose();

    /// <summary>One call's permit: disposing it gives the permit back one second later.</summary>
    public sealed class CallSlot : IDisposable
    {
        private readonly TimeProvider time;
        private RateLimitLease? lease;

        internal CallSlot(RateLimitLease lease, TimeProvider time)
        {
            this.lease = lease;
            this.time = time;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref lease, null) is not { } held)
            {
                return;
            }

            ITimer? timer = null;
            timer = time.CreateTimer(
                _ =>
                {
                    held.Dispose();
                    timer?.Dispose();
                },
                null,
                HoldAfterAnswer,
                Timeout.InfiniteTimeSpan);
        }
    }
}
