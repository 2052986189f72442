namespace ConseillersEntreprises.Integration.Tests.Demo;

/// <summary>Tests that run alone, after the parallel ones: their load would slow the workflow tests' waits down.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoHistoryGroup
{
    public const string Name = "Demo history";
}
