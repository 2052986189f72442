using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ConseillersEntreprises.App;

/// <summary>
/// Per-client-address limits on public endpoints. Refusals are 429 with Retry-After and a French problem body.
/// Behind Azure's front end the client address comes from X-Forwarded-For (see ForwardedHeaders in Program).
/// </summary>
public static class RateLimits
{
    public const string Public = "public";
    public const string LoginLink = "login-link";
    public const string Needs = "needs";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        return services.AddRateLimiter(options =>
        {
            // Limits are read when a client's partition is created, from settings bound like every other section.
            options.AddPolicy(Public, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Settings(context).PublicPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(Needs, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Settings(context).NeedsPerHour, Window = TimeSpan.FromHours(1) }));
            options.AddPolicy(LoginLink, context => RateLimitPartition.GetFixedWindowLimiter(ClientKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Settings(context).LoginLinksPerHour, Window = TimeSpan.FromHours(1) }));
            options.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await response.WriteAsJsonAsync(new
                {
                    status = 429,
                    title = "Trop de requêtes",
                    detail = "Vous avez fait beaucoup de demandes en peu de temps : réessayez dans quelques instants.",
                }, ct);
            };
        });
    }

    private static RateLimitSettings Settings(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitSettings>>().Value;

    private static string ClientKey(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Section <c>RateLimits</c>: requests allowed per client address.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";
    public int PublicPerMinute { get; set; } = 300;
    public int LoginLinksPerHour { get; set; } = 10;
    public int NeedsPerHour { get; set; } = 20;
}
