using ConseillersEntreprises.Infra.Tests.Arm;

namespace ConseillersEntreprises.Infra.Tests;

/// <summary><c>bicep build infra/main.bicep --stdout</c>, run once for the tests that read the compiled template.</summary>
public sealed class CompiledMainBicep : IAsyncLifetime
{
    private CommandRun? _build;
    private ArmTemplate? _template;

    public static string MainBicep => Paths.InRepository("infra", "main.bicep");

    public CommandRun Build => _build ?? throw new InvalidOperationException("Not built yet.");

    /// <summary>The compiled template; throws with bicep's errors when the build failed.</summary>
    public ArmTemplate Template => _template ??= Build.ExitCode == 0
        ? ArmTemplate.Parse(Build.StandardOutput)
        : throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.StandardError}");

    public async Task InitializeAsync() => _build = await Bicep.RunAsync("build", MainBicep, "--stdout");

    public Task DisposeAsync() => Task.CompletedTask;
}
