namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>The triggers LocalHost runs; any other trigger stops it at start-up.</summary>
public enum FunctionKind
{
    Orchestrator,
    Activity,
}
