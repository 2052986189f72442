using ConseillersEntreprises.LocalHost.Functions;

namespace ConseillersEntreprises.LocalHost.Timers;

public static class LocalTimerExtensions
{
    /// <summary>Runs each of the app's timer functions on its schedule (refusing to start on one it cannot run).</summary>
    public static IServiceCollection AddLocalTimers(this IServiceCollection services, IReadOnlyList<LocalFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Where(f => f.Kind == FunctionKind.Timer))
        {
            TimerFunctionRunner.EnsureBindable(function);
            // Plain IHostedService singletons: AddHostedService would keep only one runner.
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerFunctionRunner>(sp, function));
        }

        return services;
    }
}
