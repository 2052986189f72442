using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Health;
using ConseillersEntreprises.App.Managers;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.App.Stats;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.App.Composition;

public static class AppServiceCollectionExtensions
{
    /// <summary>Everything the app's functions need, for every host that runs them.</summary>
    public static IServiceCollection AddConseillersEntreprises(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSettings(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.AddDirectory();
        services.AddLinkSecurity();
        services.AddEmail();
        services.AddWorkflow();
        services.AddCompanyLookup(configuration);
        services.AddModeration(configuration);
        services.AddManagers(configuration);
        services.AddHttpApi(configuration);
        services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name, timeout: TimeSpan.FromSeconds(3));
        return services;
    }

    /// <summary>What the HTTP functions share: JSON options, the per-client rate limits, an in-memory answer cache.</summary>
    public static IServiceCollection AddHttpApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Answers are camelCase JSON with the directory's enum names, in every host (TypedResults read these options).
        services.ConfigureHttpJsonOptions(options => DirectoryJson.Configure(options.SerializerOptions));
        services.AddOptions<RateLimitSettings>().Bind(configuration.GetSection(RateLimitSettings.Section));
        services.AddSingleton<PublicRateLimiter>();
        services.AddSingleton<StatsQueryParser>();
        services.AddSingleton<StatsReports>();
        services.AddMemoryCache();
        return services;
    }

    /// <summary>The geography, the directory this instance routes with, and its refresh from storage.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddSingleton(_ => TerritoryIndex.LoadEmbedded());
        services.AddSingleton<CurrentDirectory>();
        services.AddHostedService<DirectoryRefreshService>();
        return services;
    }

    /// <summary>Signed links (HMAC, key id, expiry) and the checks of the three audiences: advisors, companies, operators.</summary>
    public static IServiceCollection AddLinkSecurity(this IServiceCollection services)
    {
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<OperatorAccess>();
        services.AddSingleton<AdvisorAccess>();
        services.AddSingleton<CompanyAccess>();
        services.AddSingleton<PartnerAccess>();
        return services;
    }
}
