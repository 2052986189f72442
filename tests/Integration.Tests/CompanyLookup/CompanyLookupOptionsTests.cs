using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.Core.Companies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.Integration.Tests.CompanyLookup;

public class CompanyLookupOptionsTests
{
    [Theory]
    [InlineData(null, "CompanyLookup:BaseUrl is required")]
    [InlineData("", "CompanyLookup:BaseUrl is required")]
    [InlineData("recherche-entreprises.api.gouv.fr", "CompanyLookup:BaseUrl must be an absolute http(s) URL")]
    [InlineData("/search", "CompanyLookup:BaseUrl must be an absolute http(s) URL")]
    [InlineData("ftp://example.org", "CompanyLookup:BaseUrl must be an absolute http(s) URL")]
    public async Task A_missing_or_relative_base_url_stops_the_start_with_the_settings_name(string? baseUrl, string expected)
    {
        using var host = Host(new Dictionary<string, string?> { ["CompanyLookup:BaseUrl"] = baseUrl });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CompanyLookup:Timeout", "abc", "section 'CompanyLookup' is malformed")]
    [InlineData("CompanyLookup:Timeout", "00:00:00", "CompanyLookup:Timeout must be a positive duration")]
    [InlineData("CompanyLookup:RequestsPerSecond", "7", "CompanyLookup:RequestsPerSecond must be between 1 and 6")]
    [InlineData("CompanyLookup:CacheSizeLimit", "0", "CompanyLookup:CacheSizeLimit must be at least 1")]
    public async Task Other_bad_settings_stop_the_start_with_the_settings_name(string key, string value, string expected)
    {
        using var host = Host(new Dictionary<string, string?>
        {
            ["CompanyLookup:BaseUrl"] = "https://recherche-entreprises.api.gouv.fr",
            [key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_settings_start_and_give_defaults()
    {
        using var host = Host(new Dictionary<string, string?> { ["CompanyLookup:BaseUrl"] = "https://recherche-entreprises.api.gouv.fr" });

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<CompanyLookupOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(3), options.Timeout);
        Assert.Equal(6, options.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromHours(1), options.FoundCacheDuration);
        Assert.Equal(TimeSpan.FromMinutes(10), options.NotFoundCacheDuration);
        Assert.IsType<RechercheEntreprisesClient>(host.Services.GetRequiredService<ICompanyLookup>());
        await host.StopAsync();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCompanyLookup(builder.Configuration);
        return builder.Build();
    }
}
