using ConseillersEntreprises.Core.Needs;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Section <c>Workflow</c>: the per-need timeline, counted from dispatch (PRODUCT.md defaults).</summary>
    public const string WorkflowSection = "Workflow";

    /// <summary>Binds every settings section and validates it when the app starts.</summary>
    public static IServiceCollection AddValidatedSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SettingsValidator>();
        Bind<StorageOptions>(services, configuration, StorageOptions.Section);
        Bind<SmtpOptions>(services, configuration, SmtpOptions.Section);
        Bind<EmailOptions>(services, configuration, EmailOptions.Section);
        Bind<LinksOptions>(services, configuration, LinksOptions.Section);
        Bind<SiteOptions>(services, configuration, SiteOptions.Section);
        Bind<OperatorsOptions>(services, configuration, OperatorsOptions.Section);
        Bind<DirectoryOptions>(services, configuration, DirectoryOptions.Section);
        // The need's timeline is Core's own record, bound as is: what the settings say is what the decider gets.
        Bind<WorkflowSchedule>(services, configuration, WorkflowSection);
        Bind<StatsOptions>(services, configuration, StatsOptions.Section);
        Bind<PartnersOptions>(services, configuration, PartnersOptions.Section);
        Bind<RetentionOptions>(services, configuration, RetentionOptions.Section);
        return services;
    }

    private static void Bind<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        // A malformed value (e.g. "abc" for a TimeSpan) throws while binding: report it with the setting's name.
        services.AddOptions<T>().Configure(options =>
        {
            try
            {
                configuration.GetSection(section).Bind(options);
            }
            catch (InvalidOperationException e)
            {
                throw new OptionsValidationException(section, typeof(T), [$"A setting of section '{section}' is malformed: {e.InnerException?.Message ?? e.Message}"]);
            }
        }).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(sp => (IValidateOptions<T>)(object)sp.GetRequiredService<SettingsValidator>());
    }
}
