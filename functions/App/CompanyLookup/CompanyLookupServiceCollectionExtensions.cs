using ConseillersEntreprises.Core.Companies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.CompanyLookup;

public static class CompanyLookupServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICompanyLookup"/> over API Recherche d'entreprises: options of section <c>CompanyLookup</c>
    /// (validated when the app starts), the typed HttpClient, the answer cache and the rate gate (singletons).
    /// Registers <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddCompanyLookup(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<CompanyLookupOptions>()
            .Configure(options =>
            {
                // A malformed value (e.g. "abc" for the timeout) throws while binding: report it with the setting's name.
                try
                {
                    configuration.GetSection(CompanyLookupOptions.Section).Bind(options);
                }
                catch (InvalidOperationException e)
                {
                    throw new OptionsValidationException(CompanyLookupOptions.Section, typeof(CompanyLookupOptions),
                        [$"A setting of section '{CompanyLookupOptions.Section}' is malformed: {e.InnerException?.Message ?? e.Message}"]);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CompanyLookupOptions>, CompanyLookupOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CompanyLookupCache>();
        services.TryAddSingleton<RechercheEntreprisesRateGate>();

        services.AddHttpClient<ICompanyLookup, RechercheEntreprisesClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<CompanyLookupOptions>>().Value;
                if (CompanyLookupOptionsValidator.TryParseBaseUrl(options.BaseUrl, out var baseAddress))
                {
                    http.BaseAddress = baseAddress;
                }

                http.DefaultRequestHeaders.UserAgent.Clear();
                http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                // The client's own timeout (linked token) is the one that counts; this is only a safety net.
                http.Timeout = options.Timeout + TimeSpan.FromSeconds(5);
            })
            // The typed client may be captured by singletons: recycle connections ourselves (DNS changes) rather than
            // relying on the factory's handler rotation.
            .UseSocketsHttpHandler((handler, _) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
                handler.ConnectTimeout = TimeSpan.FromSeconds(5);
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        return services;
    }
}
