using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using ConseillersEntreprises.LocalHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConseillersEntreprises.Integration.Tests.Infrastructure;

/// <summary>
/// The real app, in memory, against the real Azurite and SMTP capture. Each host gets its own table prefix, so test
/// classes never see each other's data; two hosts given the same prefix behave like two instances of one deployment.
/// </summary>
public class AppHost : WebApplicationFactory<LocalHostApp>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public AppHost(string? tablePrefix = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        TablePrefix = tablePrefix ?? NewTablePrefix();
        _services = services;
        _settings = Settings(TablePrefix, OperatorEmail);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The settings every test host runs with: Azurite under its own table prefix, the SMTP capture, fast refreshes.</summary>
    public static Dictionary<string, string?> Settings(string tablePrefix, string operatorEmail) => new()
    {
        ["Storage:ConnectionString"] = TestEnvironment.StorageConnectionString,
        ["Storage:TablePrefix"] = tablePrefix,
        ["Smtp:Host"] = TestEnvironment.SmtpHost,
        ["Smtp:Port"] = TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:From"] = "Conseillers-Entreprises <contact@conseillers-entreprises.test>",
        ["Links:SigningKeys:0"] = SigningKeyId + "=" + SharedSecret,
        ["Site:BaseUrl"] = "http://127.0.0.1:5999",
        ["Operators:Emails:0"] = operatorEmail,
        ["CompanyLookup:BaseUrl"] = "http://127.0.0.1:9", // discard port: lookups fail fast unless a test sets a fake
        ["Directory:RefreshInterval"] = "00:00:00.500",
        ["Directory:SeedDemo"] = "false",
        ["RateLimits:LoginLinksPerHour"] = "1000",
        // Hosts of one prefix are instances of one deployment: each holds its own share of the task hub.
        ["Durable:WorkerId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
    };

    public const string SigningKeyId = "test1";

    /// <summary>One secret per test run, shared by hosts so that tokens are valid across "instances".</summary>
    public static string SharedSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string OperatorEmail { get; } = $"operateur-{Guid.NewGuid():N}@conseillers-entreprises.test";

    public string TablePrefix { get; }

    public static string NewTablePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    public static void Replace<T>(IServiceCollection services, T instance)
        where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(instance);
    }
}
