namespace ConseillersEntreprises.LocalHost.Durable;

/// <summary>
/// The host's services for what the Durable Task registry creates without them (its orchestrator factories take no
/// service provider). Captured by a hosted service registered before the worker, so it is set when the worker starts.
/// </summary>
public sealed class RootServices
{
    private IServiceProvider? _provider;

    public IServiceProvider Provider => _provider ?? throw new InvalidOperationException("The host has not started yet.");

    public IHostedService Capture(IServiceProvider provider)
    {
        _provider = provider;
        return new Captured();
    }

    private sealed class Captured : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
