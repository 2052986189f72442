using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>An operators' alert a replayed decision raised, and when: what puts a need in a basket.</summary>
public sealed record DemoAlert(AlertOperators Alert, DateTimeOffset At);
