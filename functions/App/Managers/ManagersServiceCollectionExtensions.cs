using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Managers;

public static class ManagersServiceCollectionExtensions
{
    /// <summary>The antenna managers: settings (<c>Managers:*</c>), their signed links' check, the weekly digest.</summary>
    public static IServiceCollection AddManagers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManagersOptions>()
            .Configure(options =>
            {
                try
                {
                    configuration.GetSection(ManagersOptions.Section).Bind(options);
                }
                catch (InvalidOperationException e)
                {
                    throw new OptionsValidationException(ManagersOptions.Section, typeof(ManagersOptions),
                        [$"A setting of section '{ManagersOptions.Section}' is malformed: {e.InnerException?.Message ?? e.Message}"]);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManagersOptions>, ManagersOptionsValidator>());
        services.AddSingleton<ManagerAccess>();
        services.AddSingleton<ManagerDigest>();
        return services;
    }
}
