using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>Start-up checks of section <c>CompanyLookup</c>; each message names the setting as spelled in configuration.</summary>
public sealed class CompanyLookupOptionsValidator : IValidateOptions<CompanyLookupOptions>
{
    public ValidateOptionsResult Validate(string? name, CompanyLookupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            failures.Add("CompanyLookup:BaseUrl is required (environment variable CompanyLookup__BaseUrl): the absolute URL of "
                         + "API Recherche d'entreprises, e.g. https://recherche-entreprises.api.gouv.fr.");
        }
        else if (!TryParseBaseUrl(options.BaseUrl, out _))
        {
            failures.Add($"CompanyLookup:BaseUrl must be an absolute http(s) URL such as https://recherche-entreprises.api.gouv.fr (got '{options.BaseUrl}').");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"CompanyLookup:Timeout must be a positive duration of at most one minute, e.g. 00:00:03 (got {options.Timeout}).");
        }

        if (options.RequestsPerSecond is < 1 or > 6)
        {
            failures.Add($"CompanyLookup:RequestsPerSecond must be between 1 and 6: the API allows 7 requests per second (got {options.RequestsPerSecond}).");
        }

        if (options.QueueLimit < 0)
        {
            failures.Add($"CompanyLookup:QueueLimit may not be negative (got {options.QueueLimit}).");
        }

        if (options.MaxQueueWait < TimeSpan.Zero)
        {
            failures.Add($"CompanyLookup:MaxQueueWait may not be negative (got {options.MaxQueueWait}).");
        }

        if (options.MaxRetryAfterWait < TimeSpan.Zero)
        {
            failures.Add($"CompanyLookup:MaxRetryAfterWait may not be negative (got {options.MaxRetryAfterWait}).");
        }

        if (options.FoundCacheDuration < TimeSpan.Zero || options.NotFoundCacheDuration < TimeSpan.Zero)
        {
            failures.Add("CompanyLookup:FoundCacheDuration and CompanyLookup:NotFoundCacheDuration may not be negative (zero disables caching).");
        }

        if (options.CacheSizeLimit < 1)
        {
            failures.Add($"CompanyLookup:CacheSizeLimit must be at least 1 (got {options.CacheSizeLimit}).");
        }

        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add("CompanyLookup:UserAgent may not be empty: the API asks every client to identify itself.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The base URL with a trailing slash, so that relative paths append to it.</summary>
    internal static bool TryParseBaseUrl(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            return false;
        }

        uri = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }
}
