using ConseillersEntreprises.App.Workflow;

namespace ConseillersEntreprises.App.Composition;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The per-need workflow: what the HTTP functions ask of it, the activities of its orchestration and the read models
    /// they write. The orchestration itself is a static function the host's Durable worker runs.
    /// </summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<NeedWorkflow>();
        services.AddSingleton<NeedCommands>();
        services.AddSingleton<CommandReplies>();
        services.AddSingleton<NeedEmailComposer>();
        services.AddSingleton<NeedReadModels>();
        services.AddTransient<NeedActivities>();
        services.AddSingleton<DataProtection.NeedAnonymizer>();
        services.AddSingleton<DataProtection.CompanyData>();
        return services;
    }
}
