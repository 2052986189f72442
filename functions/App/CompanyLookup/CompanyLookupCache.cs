using System.Diagnostics.CodeAnalysis;
using ConseillersEntreprises.Core.Companies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// In-memory answers of API Recherche d'entreprises, by SIRET: found and not-found answers for their configured
/// durations, never "unavailable". Bounded (<see cref="CompanyLookupOptions.CacheSizeLimit"/> entries). Its own
/// <see cref="MemoryCache"/>, so that the size limit does not constrain the app's shared cache. Singleton.
/// </summary>
public sealed class CompanyLookupCache : IDisposable
{
    private readonly MemoryCache cache;
    private readonly TimeSpan foundDuration;
    private readonly TimeSpan notFoundDuration;

    public CompanyLookupCache(IOptions<CompanyLookupOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var o = options.Value;
        foundDuration = o.FoundCacheDuration;
        notFoundDuration = o.NotFoundCacheDuration;
        cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = o.CacheSizeLimit,
            Clock = new TimeProviderClock(time),
            CompactionPercentage = 0.1,
        });
    }

    /// <summary>Number of answers held now.</summary>
    public int Count => cache.Count;

    public bool TryGet(string siret, [NotNullWhen(true)] out CompanyLookupResult? result) =>
        cache.TryGetValue(siret, out result) && result is not null;

    /// <summary>Keeps a found or not-found answer; an "unavailable" one is ignored.</summary>
    public void Store(string siret, CompanyLookupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var duration = result.Kind switch
        {
            CompanyLookupKind.Found => foundDuration,
            CompanyLookupKind.NotFound => notFoundDuration,
            _ => TimeSpan.Zero,
        };
        if (duration <= TimeSpan.Zero)
        {
            return;
        }

        using var entry = cache.CreateEntry(siret);
        entry.Value = result;
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = duration;
    }

    /// <summary>Forgets one SIRET's answer.</summary>
    public void Remove(string siret) => cache.Remove(siret);

    /// <summary>Forgets every answer.</summary>
    public void Clear() => cache.Clear();

    public void Dispose() => cache.Dispose();

    private sealed class TimeProviderClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
