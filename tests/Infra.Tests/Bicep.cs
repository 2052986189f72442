using System.Diagnostics;

namespace ConseillersEntreprises.Infra.Tests;

public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the bicep CLI shipped by the Azure.Bicep.CommandLine.linux-x64 package.</summary>
public static class Bicep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var executable = Paths.BicepExecutable;
        EnsureExecutable(executable);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Paths.RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}.");
        }

        return new BicepRun(process.ExitCode, await stdout, await stderr);
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
