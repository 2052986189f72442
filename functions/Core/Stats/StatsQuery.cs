namespace ConseillersEntreprises.Core.Stats;

/// <summary>What the stats are asked for: a range of months (first days, both included), optionally one region and one theme.</summary>
public sealed record StatsQuery(DateOnly From, DateOnly To, string? RegionCode = null, string? ThemeId = null)
{
    /// <summary>The longest range one query may cover: three years of monthly series.</summary>
    public const int MaxMonths = 36;
}
