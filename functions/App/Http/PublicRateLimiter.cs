using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App;

/// <summary>
/// Per-client-address limits of the public routes, applied by the functions themselves (the Functions worker runs no
/// ASP.NET Core middleware): a refusal is a 429 with Retry-After and a French problem body. Behind Azure's front end the
/// client address is the last one X-Forwarded-For names (the one the front end added).
/// </summary>
public sealed class PublicRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _public;
    private readonly PartitionedRateLimiter<string> _needs;
    private readonly PartitionedRateLimiter<string> _loginLinks;
    private readonly PartitionedRateLimiter<string> _partnerNeeds;

    public PublicRateLimiter(IOptions<RateLimitSettings> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _public = PerClient(settings.PublicPerMinute, TimeSpan.FromMinutes(1));
        _needs = PerClient(settings.NeedsPerHour, TimeSpan.FromHours(1));
        _loginLinks = PerClient(settings.LoginLinksPerHour, TimeSpan.FromHours(1));
        _partnerNeeds = PerClient(settings.PartnerNeedsPerHour, TimeSpan.FromHours(1));
    }

    /// <summary>Null when the request may go on; otherwise the 429 to answer.</summary>
    public IResult? Refusal(RateLimitPolicy policy, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limiter = policy switch
        {
            RateLimitPolicy.Public => _public,
            RateLimitPolicy.Needs => _needs,
            RateLimitPolicy.LoginLink => _loginLinks,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate limit."),
        };
        return Refusal(limiter, ClientKey(request), request);
    }

    /// <summary>Null when the partner key <paramref name="keyId"/> may submit one more need this hour; otherwise the 429.</summary>
    public IResult? PartnerRefusal(string keyId, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Refusal(_partnerNeeds, keyId, request);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<TooManyRequests>? Refusal(PartitionedRateLimiter<string> limiter, string partition, HttpRequest request)
    {
        using var lease = limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Json(
            new TooManyRequests(StatusCodes.Status429TooManyRequests, "Trop de requêtes", "Vous avez fait beaucoup de demandes en peu de temps : réessayez dans quelques instants."),
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    public void Dispose()
    {
        _public.Dispose();
        _needs.Dispose();
        _loginLinks.Dispose();
        _partnerNeeds.Dispose();
    }

    private static string ClientKey(HttpRequest request) =>
        request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } forwarded
            ? forwarded[^1]
            : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<string> PerClient(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window }));

    private sealed record TooManyRequests(int Status, string Title, string Detail);
}

/// <summary>The limits of <see cref="PublicRateLimiter"/> (section <c>RateLimits</c>).</summary>
public enum RateLimitPolicy
{
    /// <summary><see cref="RateLimitSettings.PublicPerMinute"/>: catalogue, communes, companies, stats.</summary>
    Public,

    /// <summary><see cref="RateLimitSettings.NeedsPerHour"/>: submitting a need.</summary>
    Needs,

    /// <summary><see cref="RateLimitSettings.LoginLinksPerHour"/>: asking for a sign-in link.</summary>
    LoginLink,
}
