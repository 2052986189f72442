using System.Reflection;

namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>One <c>[Function]</c> method of the app, with what its trigger attribute says.</summary>
public sealed record LocalFunction(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    ParameterInfo Trigger)
{
    /// <summary>The binding type <c>functions.metadata</c> gives this trigger.</summary>
    public string TriggerType => Kind switch
    {
        FunctionKind.Orchestrator => "orchestrationTrigger",
        FunctionKind.Activity => "activityTrigger",
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };
}
