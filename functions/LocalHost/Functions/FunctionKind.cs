namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>The triggers LocalHost runs; any other trigger stops it at start-up.</summary>
public enum FunctionKind
{
    Http,
    Orchestrator,
    Activity,
    Timer,
}
