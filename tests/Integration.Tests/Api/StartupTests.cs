using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.Integration.Tests.Api;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Links:SigningKeys:0", "k1=c2hvcnQ=", "Links:SigningKeys:0")]
    [InlineData("Site:BaseUrl", "pas-une-url", "Site:BaseUrl")]
    [InlineData("Email:From", "", "Email:From")]
    [InlineData("Smtp:Host", "", "Smtp:Host")]
    [InlineData("Workflow:AbandonAfter", "-1.00:00:00", "Workflow:AbandonAfter")]
    [InlineData("Operators:Emails:0", "pas-une-adresse", "Operators:Emails:0")]
    public void A_missing_or_malformed_setting_stops_the_app_with_its_name(string setting, string value, string named)
    {
        using var host = new AppHost(settings: new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var validation = Causes(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(validation is not null, $"the start fails on the setting, not on {error}");
        Assert.Contains(named, validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_503_when_storage_does_not_answer()
    {
        using var host = new AppHost(settings: new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;",
        });

        var response = await host.CreateClient().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Login_links_are_rate_limited_per_client_with_retry_after()
    {
        using var host = new AppHost(settings: new Dictionary<string, string?> { ["RateLimits:LoginLinksPerHour"] = "3" });
        var client = host.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await client.PostAsJsonAsync("/api/admin/login-link", new { email = "personne@example.org" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null || last.Headers.Contains("Retry-After"));
        Assert.Contains("Trop de requêtes", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The exception and every exception inside it (the host may wrap the validation failure).</summary>
    private static IEnumerable<Exception> Causes(Exception error)
    {
        yield return error;
        var inner = error is AggregateException aggregate ? aggregate.InnerExceptions : (error.InnerException is { } one ? [one] : []);
        foreach (var cause in inner.SelectMany(Causes))
        {
            yield return cause;
        }
    }
}
