namespace ConseillersEntreprises.Infra.Tests;

/// <summary>The test classes that read the compiled template share one <c>bicep build</c> (several seconds each).</summary>
[CollectionDefinition(Name)]
public sealed class CompiledMainBicepGroup : ICollectionFixture<CompiledMainBicep>
{
    public const string Name = "compiled main.bicep";
}
