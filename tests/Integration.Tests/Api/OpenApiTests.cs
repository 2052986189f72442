using System.Net;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.Integration.Tests.Workflow;
using ConseillersEntreprises.LocalHost.Functions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the committed OpenAPI 3.1 document of the public API is served, reads without errors
/// (Microsoft.OpenApi), and documents exactly the public HTTP functions (every route and method, and no more).
/// </summary>
public sealed class OpenApiTests
{
    /// <summary>The spaces behind a signed link are not the public API.</summary>
    private static readonly string[] PrivatePrefixes = ["admin/", "advisor/", "company/"];

    [Fact]
    public async Task The_served_document_is_valid_openapi_3_1_and_documents_exactly_the_public_routes()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);

        using var response = await harness.Client.GetAsync("/api/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync();
        var read = await OpenApiDocument.LoadAsync(body, "json");
        Assert.NotNull(read.Document);
        Assert.NotNull(read.Diagnostic);
        Assert.Empty(read.Diagnostic.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);

        var documented = read.Document.Paths
            .SelectMany(p => (p.Value.Operations ?? []).Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var routes = FunctionCatalog.Discover(typeof(AppServiceCollectionExtensions).Assembly)
            .Where(f => f.Kind == FunctionKind.Http && !PrivatePrefixes.Any(prefix => f.EffectiveRoute.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(f => (f.Methods ?? []).Select(m => $"{m.ToUpperInvariant()} /api/{f.EffectiveRoute}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(routes, documented);
        Assert.Contains("POST /api/needs", documented);
        Assert.All(read.Document.Paths.Values.SelectMany(p => (p.Operations ?? []).Values), o => Assert.False(string.IsNullOrWhiteSpace(o.Summary)));

        // Partners: the same route with a Bearer key (optional: the site's form has none), and the 401 of a refused key.
        var scheme = Assert.Contains("partnerKey", read.Document.Components!.SecuritySchemes!);
        Assert.Equal((SecuritySchemeType.Http, "bearer"), (scheme.Type, scheme.Scheme));
        var submit = read.Document.Paths["/api/needs"].Operations![HttpMethod.Post];
        Assert.Contains(submit.Security!, requirement => requirement.Count == 0);
        Assert.Contains(submit.Security!, requirement => requirement.Keys.Any(s => s.Reference?.Id == "partnerKey"));
        Assert.Contains("401", submit.Responses!.Keys);
    }
}
