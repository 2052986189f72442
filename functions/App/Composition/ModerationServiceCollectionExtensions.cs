using Azure.Data.Tables;
using ConseillersEntreprises.App.Moderation;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Storage.Moderation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Composition;

public static class ModerationServiceCollectionExtensions
{
    /// <summary>
    /// The review of doubtful submissions: settings of section <c>Moderation</c> (validated at start-up), the block
    /// list and the recent submissions' tables (created at start-up), the screening the intake asks.
    /// </summary>
    public static IServiceCollection AddModeration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ModerationOptions>()
            .Configure(options =>
            {
                try
                {
                    configuration.GetSection(ModerationOptions.Section).Bind(options);
                }
                catch (InvalidOperationException e)
                {
                    throw new OptionsValidationException(ModerationOptions.Section, typeof(ModerationOptions),
                        [$"A setting of section '{ModerationOptions.Section}' is malformed: {e.InnerException?.Message ?? e.Message}"]);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModerationOptions>, ModerationOptionsValidator>());
        services.AddSingleton(sp => new BlockListStore(sp.GetRequiredService<TableServiceClient>(), TablePrefix(sp)));
        services.AddSingleton(sp => new RecentSubmissions(sp.GetRequiredService<TableServiceClient>(), TablePrefix(sp)));
        services.AddSingleton<SubmissionScreening>();
        services.AddHostedService<ModerationStorageSetup>();
        return services;
    }

    private static string? TablePrefix(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix;
}
