namespace ConseillersEntreprises.Core.Stats;

/// <summary>One need as one institution or one antenna sees it: the public row's facts with that scope's own outcome.</summary>
public sealed record ScopedStatsRow(StatsScope Scope, NeedStatsRow Row);
