using ConseillersEntreprises.App.Needs;
using ConseillersEntreprises.App.Triggers;
using ConseillersEntreprises.App.Workflow;

namespace ConseillersEntreprises.App.Composition;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The per-need workflow: its commands, its activities and the read models they write.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<NeedEmailComposer>();
        services.AddSingleton<NeedReadModels>();
        services.AddSingleton<CommandReplies>();
        services.AddSingleton<NeedCommands>();
        services.AddTransient<NeedActivities>();

        // The hand-made engine this workflow replaces: decider commits with ETags, outbox relay, timers table, sweeps.
        services.AddSingleton<NeedWorkflow>();
        services.AddSingleton<OutboxRelayHandler>();
        services.AddSingleton<EmailQueueHandler>();
        services.AddSingleton<TimerSweeper>();
        services.AddSingleton<OutboxSweeper>();
        services.AddSingleton<HostingMode>();
        return services;
    }

    /// <summary>
    /// Runs the hand-made engine's queue triggers and sweeps in this process. They stand down by themselves under the
    /// Functions host (<see cref="HostingMode"/>), which invokes the same handlers through the function routes.
    /// Registered as plain IHostedService singletons: AddHostedService would keep only one LocalQueueTrigger.
    /// </summary>
    public static IServiceCollection AddHandMadeEngineTriggers(this IServiceCollection services)
    {
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<LocalQueueTrigger>(sp, (IQueueHandler)sp.GetRequiredService<OutboxRelayHandler>()));
        services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<LocalQueueTrigger>(sp, (IQueueHandler)sp.GetRequiredService<EmailQueueHandler>()));
        services.AddHostedService(sp => sp.GetRequiredService<TimerSweeper>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSweeper>());
        return services;
    }
}
