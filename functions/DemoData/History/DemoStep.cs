using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>One scripted event of a demo need's past, decided at <paramref name="At"/> by the pure decider.</summary>
public sealed record DemoStep(DateTimeOffset At, NeedEvent Event);
