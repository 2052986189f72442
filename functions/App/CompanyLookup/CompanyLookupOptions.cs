namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// Section <c>CompanyLookup</c>: how to reach API Recherche d'entreprises (or anything answering in its format,
/// such as the test fake). Only <see cref="BaseUrl"/> is required.
/// </summary>
public sealed class CompanyLookupOptions
{
    public const string Section = "CompanyLookup";

    /// <summary>Absolute http(s) URL the <c>/search?q=</c> path is appended to, e.g. https://recherche-entreprises.api.gouv.fr.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long one HTTP call may take before the lookup answers "unavailable".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Sent with every call, as the API asks.</summary>
    public string UserAgent { get; set; } = "ConseillersEntreprises/1.0 (lookup of company facts for a contact form)";

    /// <summary>
    /// Client-side ceiling on calls per second (the API allows 7 per client address). 1 to 6. Counted strictly: a
    /// call counts from before it is sent until one second after its answer (see <see cref="RechercheEntreprisesRateGate"/>).
    /// </summary>
    public int RequestsPerSecond { get; set; } = 6;

    /// <summary>How many lookups may wait for the rate limit at once; beyond that they answer "unavailable" at once.</summary>
    public int QueueLimit { get; set; } = 10;

    /// <summary>How long a lookup may wait for the rate limit before answering "unavailable".</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A 429 whose Retry-After is at most this long is waited for and the call retried once; a longer one makes
    /// lookups answer "unavailable" (without calling) until it has passed.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a found establishment is kept in memory.</summary>
    public TimeSpan FoundCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an unknown (or non-diffusible) SIRET is kept in memory.</summary>
    public TimeSpan NotFoundCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most answers kept in memory at once (least recently used ones go first).</summary>
    public int CacheSizeLimit { get; set; } = 10_000;
}
