using System.Diagnostics;

namespace ConseillersEntreprises.Infra.Tests;

public sealed record CommandRun(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs a command-line tool from the repository's root and collects what it printed.</summary>
public static class CommandLine
{
    public static async Task<CommandRun> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(arguments);
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
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}.");
        }

        return new CommandRun(process.ExitCode, await stdout, await stderr);
    }
}
