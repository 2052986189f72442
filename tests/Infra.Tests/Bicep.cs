namespace ConseillersEntreprises.Infra.Tests;

/// <summary>Runs the bicep CLI shipped by the Azure.Bicep.CommandLine.linux-x64 package.</summary>
public static class Bicep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<CommandRun> RunAsync(params string[] arguments)
    {
        var executable = Paths.BicepExecutable;
        EnsureExecutable(executable);
        return CommandLine.RunAsync(executable, arguments, Timeout);
    }

    // NuGet extracts package files with the modes stored in the package, which a restore on another machine or by
    // another tool may not keep: the binary must be executable by whoever runs the tests.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The bicep binary is missing: restore tests/Infra.Tests.", path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }
}
