using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>The app's HTTP API (/work/shared/API.md), only what the driver needs.</summary>
internal sealed class AppClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;

    public AppClient(Uri baseUrl)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        _http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string? OperatorToken { get; set; }

    public async Task<bool> IsHealthyAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("api/health", UriKind.Relative), ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<(string Id, string Label)>> SubjectsAsync(CancellationToken ct)
    {
        var catalog = await _http.GetFromJsonAsync<Catalog>(new Uri("api/catalog", UriKind.Relative), Json, ct)
                      ?? throw new InvalidOperationException("GET /api/catalog answered nothing.");
        return [.. catalog.Themes.SelectMany(t => t.Subjects).Select(s => (s.Id, s.Label))];
    }

    /// <summary>What the form does while the person types the SIRET: the app looks the company up (and caches it).</summary>
    public async Task<HttpStatusCode> LookUpCompanyAsync(string siret, CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri($"api/companies/{siret}", UriKind.Relative), ct);
        return response.StatusCode;
    }

    public async Task<SubmitResult> SubmitAsync(object body, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("api/needs", UriKind.Relative), body, Json, ct);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            var created = await response.Content.ReadFromJsonAsync<SubmitResponse>(Json, ct);
            return new SubmitResult((int)response.StatusCode, created?.NeedId, created?.AdvisorCount ?? 0, null);
        }

        return new SubmitResult((int)response.StatusCode, null, 0, await response.Content.ReadAsStringAsync(ct));
    }

    public async Task<(int Status, string? Body)> ChangePositionAsync(string needId, string advisorToken, string status, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/advisor/needs/{Uri.EscapeDataString(needId)}/position", UriKind.Relative))
        {
            Content = JsonContent.Create(new { status }, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", advisorToken);
        using var response = await _http.SendAsync(request, ct);
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(ct));
    }

    public async Task RequestOperatorLinkAsync(string email, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("api/admin/login-link", UriKind.Relative), new { email }, Json, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/admin/login-link answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    public async Task<StorageCounts> StorageCountsAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/admin/metrics/storage", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperatorToken);
        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/admin/metrics/storage answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        var metrics = await response.Content.ReadFromJsonAsync<StorageMetrics>(Json, ct)
                      ?? throw new InvalidOperationException("GET /api/admin/metrics/storage answered nothing.");
        return new StorageCounts(RunClock.Now, metrics.Operations.ToDictionary(o => $"{o.Service} {o.Method} {o.Resource}", o => o.Count, StringComparer.Ordinal));
    }

    public void Dispose() => _http.Dispose();

    private sealed record Catalog(List<Theme> Themes);

    private sealed record Theme(string Id, List<Subject> Subjects);

    private sealed record Subject(string Id, string Label);

    private sealed record SubmitResponse(string NeedId, string Status, int AdvisorCount);

    private sealed record StorageMetrics(long Total, List<Operation> Operations);

    private sealed record Operation(
        [property: JsonPropertyName("service")] string Service,
        [property: JsonPropertyName("method")] string Method,
        [property: JsonPropertyName("resource")] string Resource,
        [property: JsonPropertyName("count")] long Count);
}

internal sealed record SubmitResult(int Status, string? NeedId, int AdvisorCount, string? Error);

/// <summary>The app's storage request counters at one moment, by operation ("table GET needs(key)").</summary>
internal sealed record StorageCounts(TimeSpan At, IReadOnlyDictionary<string, long> ByOperation)
{
    public long Total => ByOperation.Values.Sum();

    public static Dictionary<string, long> Delta(StorageCounts before, StorageCounts after) =>
        after.ByOperation.ToDictionary(p => p.Key, p => p.Value - before.ByOperation.GetValueOrDefault(p.Key), StringComparer.Ordinal);
}
