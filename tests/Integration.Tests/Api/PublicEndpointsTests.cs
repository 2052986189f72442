using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>Public endpoints of a host seeded with the demo directory, as on a local run.</summary>
public sealed class PublicEndpointsTests : IClassFixture<PublicEndpointsTests.SeededHost>
{
    private readonly HttpClient _client;

    public PublicEndpointsTests(SeededHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _client = host.CreateClient();
    }

    public sealed class SeededHost() : AppHost(settings: new Dictionary<string, string?> { ["Directory:SeedDemo"] = "true" });

    [Fact]
    public async Task Health_reports_storage_and_the_directory_loaded()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/api/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("advisors").GetInt32() > 1500);
    }

    [Fact]
    public async Task The_catalogue_lists_themes_and_subjects_in_french()
    {
        var catalog = await _client.GetFromJsonAsync<JsonElement>("/api/catalog");

        var themes = catalog.GetProperty("themes").EnumerateArray().ToList();
        Assert.InRange(themes.Count, 8, 14);
        Assert.InRange(themes.Sum(t => t.GetProperty("subjects").GetArrayLength()), 30, 60);
        Assert.All(themes, t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("label").GetString())));
    }

    [Theory]
    [InlineData("47140", "47203")]
    [InlineData("penne d agenais", "47203")]
    [InlineData("lyon", "69123")]
    [InlineData("69003", "69123")]
    public async Task Communes_are_found_by_name_or_postal_code(string query, string expectedCode)
    {
        var communes = await _client.GetFromJsonAsync<JsonElement>("/api/communes?q=" + Uri.EscapeDataString(query));

        var commune = communes.EnumerateArray().First(c => c.GetProperty("code").GetString() == expectedCode);
        Assert.False(string.IsNullOrEmpty(commune.GetProperty("departement").GetString()));
        Assert.False(string.IsNullOrEmpty(commune.GetProperty("region").GetString()));
        Assert.True(commune.GetProperty("postalCodes").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("<script>")]
    public async Task A_useless_commune_query_gives_an_empty_list(string query)
    {
        var response = await _client.GetAsync("/api/communes?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_api_routes_are_french_404_problems()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("n'existe pas", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _client.GetAsync("/api/catalog");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
