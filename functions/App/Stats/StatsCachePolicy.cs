using ConseillersEntreprises.App.Settings;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace ConseillersEntreprises.App.Stats;

/// <summary>
/// Output cache of the public stats: successful answers are kept <see cref="StatsOptions.CacheDuration"/> per query
/// (from, to, region, theme), so that a popular page reads the stats table once per period, not once per visitor.
/// The duration is read per request (settings of a test host are only final then).
/// </summary>
public sealed class StatsCachePolicy : IOutputCachePolicy
{
    public static StatsCachePolicy Instance { get; } = new();

    private static readonly StringValues QueryKeys = new(["from", "to", "region", "theme"]);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var duration = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<StatsOptions>>().CurrentValue.CacheDuration;
        var method = context.HttpContext.Request.Method;
        var enabled = duration > TimeSpan.Zero && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
        context.EnableOutputCaching = enabled;
        context.AllowCacheLookup = enabled;
        context.AllowCacheStorage = enabled;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.CacheVaryByRules.QueryKeys = QueryKeys;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>Only successful answers are kept: a 400 or a 429 must not be served to the next visitor.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
