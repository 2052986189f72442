using System.Reflection;

namespace ConseillersEntreprises.Infra.Tests;

/// <summary>Where the bicep binary and the repository's files are, as the build saw them (Infra.Tests.csproj).</summary>
public static class Paths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BicepExecutable { get; } = Metadata("BicepPath");

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata (see Infra.Tests.csproj).");
}
