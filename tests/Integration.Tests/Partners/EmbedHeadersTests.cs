using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.Storage.Directory;

namespace ConseillersEntreprises.Integration.Tests.Partners;

/// <summary>
/// Framing: every page keeps <c>frame-ancestors 'none'</c> and X-Frame-Options DENY, except the form pages asked with
/// <c>embed=1</c>, which name the partners' declared origins (the directory's <c>embedOrigins</c>) and nobody else.
/// </summary>
public sealed class EmbedHeadersTests
{
    private static string FrameAncestors(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("frame-ancestors", StringComparison.Ordinal));

    [Fact]
    public async Task Only_the_form_pages_asked_with_embed_1_may_be_framed_and_only_by_the_declared_origins()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var client = harness.Client;
        Assert.Equal("frame-ancestors 'none'", FrameAncestors(await client.GetAsync("/demande.html?embed=1"))); // nothing declared yet

        var directory = harness.Directory with
        {
            Institutions = [.. harness.Directory.Institutions.Select(i => i.Id == "urssaf" ? i with { EmbedOrigins = ["https://www.urssaf.example/", "https://partenaire.example:8443"] } : i)],
        };
        var store = new TableDirectoryStore(new TableServiceClient(TestEnvironment.StorageConnectionString), TimeProvider.System, harness.Host.TablePrefix);
        await store.SaveAsync(directory, CancellationToken.None);
        JsonElement origins = default;
        for (var i = 0; i < 50 && (origins.ValueKind == JsonValueKind.Undefined || origins.GetArrayLength() == 0); i++)
        {
            await Task.Delay(200); // the directory refresh runs every 0.5 s here
            origins = (await client.GetFromJsonAsync<JsonElement>("/api/embed/origins")).GetProperty("origins");
        }

        Assert.Equal(["https://partenaire.example:8443", "https://www.urssaf.example"], origins.EnumerateArray().Select(o => o.GetString()));
        foreach (var page in new[] { "/demande.html?sujet=difficultes-tresorerie&embed=1", "/autre-besoin.html?embed=1", "/confirmation.html?embed=1" })
        {
            using var embedded = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);
            Assert.Equal("frame-ancestors https://partenaire.example:8443 https://www.urssaf.example", FrameAncestors(embedded));
            Assert.False(embedded.Headers.Contains("X-Frame-Options"), page);
            Assert.Contains("script-src 'self'", embedded.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        foreach (var page in new[] { "/demande.html?sujet=difficultes-tresorerie", "/demande.html?embed=true", "/", "/operateur/?embed=1", "/suivi.html?embed=1", "/api/catalog?embed=1" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal("frame-ancestors 'none'", FrameAncestors(response));
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").First());
        }
    }
}
