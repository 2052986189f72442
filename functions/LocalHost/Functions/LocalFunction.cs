using System.Reflection;

namespace ConseillersEntreprises.LocalHost.Functions;

/// <summary>One <c>[Function]</c> method of the app, with what its trigger attribute says.</summary>
public sealed record LocalFunction(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    ParameterInfo Trigger,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? Schedule = null)
{
    /// <summary>The route as the Functions host defaults it: the function's name when the attribute gives none.</summary>
    public string EffectiveRoute => Route ?? Name;

    /// <summary>
    /// Whether <paramref name="parameter"/> is the trigger, by position rather than by reference: reflection may hand out
    /// two <see cref="ParameterInfo"/> objects for one parameter when several hosts start at once (seen as start-up
    /// failures of integration tests run in parallel, for HTTP and timer functions).
    /// </summary>
    public bool IsTrigger(ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return parameter.Member == Trigger.Member && parameter.Position == Trigger.Position;
    }

    /// <summary>The binding type <c>functions.metadata</c> gives this trigger.</summary>
    public string TriggerType => Kind switch
    {
        FunctionKind.Http => "httpTrigger",
        FunctionKind.Orchestrator => "orchestrationTrigger",
        FunctionKind.Activity => "activityTrigger",
        FunctionKind.Timer => "timerTrigger",
        _ => throw new InvalidOperationException($"Unknown kind {Kind}."),
    };
}
