namespace ConseillersEntreprises.Storage.Journal;

/// <summary>
/// One action recorded in the operators' journal: who did what, when, on which needs, and how it was asked for (by
/// SIRET or by email), never the data the action was about (an erasure would otherwise keep what it erased).
/// </summary>
public sealed record JournalEntry(DateTimeOffset At, string Operator, string Action, string? LookedUpBy, IReadOnlyList<string> NeedIds);
