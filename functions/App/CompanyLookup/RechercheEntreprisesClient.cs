using System.Net;
using System.Text.Json;
using ConseillersEntreprises.Core.Companies;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

/// <summary>
/// <see cref="ICompanyLookup"/> over API Recherche d'entreprises (<c>GET {BaseUrl}/search?q=&lt;siret&gt;</c>).
/// Typed HttpClient (base address, User-Agent and handler set up by <see cref="CompanyLookupServiceCollectionExtensions.AddCompanyLookup"/>).
/// Answers from the cache when it can; otherwise waits for the rate gate (bounded), calls with a short timeout, and
/// honours 429 Retry-After: a short one is waited for and the call retried once, a long one makes every lookup answer
/// "unavailable" without calling until it has passed.
/// </summary>
public sealed class RechercheEntreprisesClient : ICompanyLookup
{
    /// <summary>Delay assumed when a 429 comes without a usable Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly HttpClient http;
    private readonly CompanyLookupCache cache;
    private readonly RechercheEntreprisesRateGate gate;
    private readonly CompanyLookupOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<RechercheEntreprisesClient> logger;

    public RechercheEntreprisesClient(
        HttpClient http,
        CompanyLookupCache cache,
        RechercheEntreprisesRateGate gate,
        IOptions<CompanyLookupOptions> options,
        TimeProvider time,
        ILogger<RechercheEntreprisesClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.http = http;
        this.cache = cache;
        this.gate = gate;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    public async Task<CompanyLookupResult> LookupAsync(string siret, CancellationToken ct)
    {
        if (!Siret.TryNormalize(siret, out var normalized, out _))
        {
            // Nothing to ask: an invalid number cannot belong to any establishment.
            return CompanyLookupResult.NotFound;
        }

        if (cache.TryGet(normalized, out var cached))
        {
            return cached;
        }

        var result = await FetchAsync(normalized, ct);
        if (result.IsUnavailable)
        {
            logger.LogWarning("Company lookup of SIRET {Siret} unavailable: {Reason}", normalized, result.Reason);
        }
        else
        {
            cache.Store(normalized, result);
        }

        return result;
    }

    private async Task<CompanyLookupResult> FetchAsync(string siret, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var blocked = gate.BlockedFor;
            if (blocked > TimeSpan.Zero)
            {
                if (blocked > options.MaxRetryAfterWait)
                {
                    return CompanyLookupResult.Unavailable(
                        $"L'API Recherche d'entreprises a demandé de patienter (HTTP 429) : nouvel essai possible dans {Math.Ceiling(blocked.TotalSeconds)} s.");
                }

                await Task.Delay(blocked, time, ct);
            }

            CompanyLookupResult result;
            TimeSpan? retryAfter;
            using (var slot = await gate.TryAcquireAsync(ct))
            {
                if (slot is null)
                {
                    return CompanyLookupResult.Unavailable(
                        "Trop de recherches d'entreprises en attente : la limite de débit de l'API Recherche d'entreprises est atteinte.");
                }

                (result, retryAfter) = await SendAsync(siret, ct);
            }

            if (retryAfter is not { } delay)
            {
                return result;
            }

            gate.BlockFor(delay);
            if (attempt > 1 || delay > options.MaxRetryAfterWait)
            {
                return result;
            }

            logger.LogInformation("Company lookup rate-limited by the API (429); retrying once after {Delay}", delay);
        }
    }

    /// <summary>One call. A 429 gives its Retry-After delay beside an "unavailable" result.</summary>
    private async Task<(CompanyLookupResult Result, TimeSpan? RetryAfter)> SendAsync(string siret, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.GetAsync(
                new Uri("search?q=" + siret, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, linked.Token);

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var delay = RetryAfter(response);
                return (CompanyLookupResult.Unavailable(
                    $"L'API Recherche d'entreprises limite le nombre de demandes (HTTP 429) : nouvel essai possible dans {Math.Ceiling(delay.TotalSeconds)} s."), delay);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (CompanyLookupResult.Unavailable(
                    $"L'API Recherche d'entreprises a répondu par une erreur (HTTP {(int)response.StatusCode})."), null);
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            using var document = await JsonDocument.ParseAsync(body, default, linked.Token);
            return (RechercheEntreprisesMapping.Map(document.RootElement, siret), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (CompanyLookupResult.Unavailable(
                $"L'API Recherche d'entreprises n'a pas répondu à temps (délai de {options.Timeout.TotalSeconds:0.#} s dépassé)."), null);
        }
        catch (HttpRequestException e)
        {
            logger.LogDebug(e, "Company lookup call failed");
            return (CompanyLookupResult.Unavailable($"L'API Recherche d'entreprises est injoignable ({e.HttpRequestError})."), null);
        }
        catch (JsonException)
        {
            return (CompanyLookupResult.Unavailable("La réponse de l'API Recherche d'entreprises n'est pas un JSON valide."), null);
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : DefaultRetryAfter);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
