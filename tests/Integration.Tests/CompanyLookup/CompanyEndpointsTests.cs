using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.App;
using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.App.Composition;
using ConseillersEntreprises.App.Endpoints;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.LocalHost.Functions;
using ConseillersEntreprises.LocalHost.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ConseillersEntreprises.Integration.Tests.CompanyLookup;

/// <summary><c>GET /api/companies/{siret}</c> in a minimal host (only this function, mapped as LocalHost maps it), against the fake API.</summary>
public sealed class CompanyEndpointsTests : IAsyncLifetime
{
    private FakeRechercheEntreprisesServer server = null!;
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        server = await FakeRechercheEntreprisesServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(server.Settings)
        {
            ["CompanyLookup:Timeout"] = "00:00:01",
        });
        builder.Services.AddCompanyLookup(builder.Configuration);
        builder.Services.AddHttpApi(builder.Configuration);
        app = builder.Build();
        app.MapHttpFunctions(FunctionCatalog.Discover(typeof(CompanyFunctions).Assembly).Where(f => f.Name == "Company"), "api");
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_known_siret_gives_its_facts()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(1);
        server.AddCompany(siret, c =>
        {
            c.Name = "BOULANGERIE DU RHONE";
            c.CommuneCode = "69383";
            c.CommuneName = "LYON 3EME";
            c.PostalCode = "69003";
            c.NafCode = "10.71C";
            c.HeadcountBracket = "11";
            c.CreationDate = new DateOnly(2015, 6, 30);
            c.LegalFormCode = "5710";
        });

        using var response = await client.GetAsync(new Uri($"/api/companies/{siret}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(siret, root.GetProperty("siret").GetString());
        Assert.Equal(siret[..9], root.GetProperty("siren").GetString());
        Assert.Equal("BOULANGERIE DU RHONE", root.GetProperty("name").GetString());
        Assert.Equal("69123", root.GetProperty("communeCode").GetString());
        Assert.Equal("Lyon", root.GetProperty("communeName").GetString());
        Assert.Equal("69003", root.GetProperty("postalCode").GetString());
        Assert.Equal("10.71C", root.GetProperty("nafCode").GetString());
        Assert.Equal("11", root.GetProperty("headcountBracket").GetString());
        Assert.Equal("2015-06-30", root.GetProperty("creationDate").GetString());
        Assert.Equal("5710", root.GetProperty("legalFormCode").GetString());
        Assert.True(root.GetProperty("active").GetBoolean());
        Assert.False(root.GetProperty("companyCeased").GetBoolean());
        Assert.False(root.GetProperty("establishmentClosed").GetBoolean());
        Assert.False(root.GetProperty("foreign").GetBoolean());
    }

    [Fact]
    public async Task Spaces_in_the_siret_are_accepted()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(2);
        server.AddCompany(siret);

        using var response = await client.GetAsync(new Uri($"/api/companies/{siret[..3]}%20{siret[3..6]}%20{siret[6..9]}%20{siret[9..]}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(siret, server.Requests.Single().Query);
    }

    [Theory]
    [InlineData("123", "Le SIRET doit comporter 14 chiffres (vous en avez saisi 3).")]
    [InlineData("73282932000075", "Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte) : vérifiez qu'il n'y a pas d'erreur de frappe.")]
    [InlineData("abc", "Le numéro SIRET ne doit contenir que des chiffres (les espaces sont acceptés).")]
    public async Task A_bad_siret_is_a_validation_problem_in_french(string siret, string message)
    {
        using var response = await client.GetAsync(new Uri($"/api/companies/{siret}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal([message], problem.Errors["siret"]);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task An_unknown_siret_is_a_404_problem_that_asks_for_the_commune()
    {
        using var response = await client.GetAsync(new Uri($"/api/companies/{FakeRechercheEntreprisesServer.MakeSiret(3)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal(404, problem.Status);
        Assert.Contains("inconnu", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("diffuser", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("commune", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeServerMode.Unavailable)]
    [InlineData(FakeServerMode.Hang)]
    public async Task A_lookup_that_cannot_answer_is_a_503_problem(FakeServerMode mode)
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(4);
        server.AddCompany(siret);
        server.Mode = mode;

        using var response = await client.GetAsync(new Uri($"/api/companies/{siret}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.NotNull(problem);
        Assert.Equal(503, problem.Status);
        Assert.Contains("Réessayez", problem.Detail, StringComparison.Ordinal);
    }
}
