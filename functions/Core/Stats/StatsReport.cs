using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>The public stats of a <see cref="StatsQuery"/>: totals, the monthly series (every month, zeros included) and breakdowns.</summary>
public sealed record StatsReport(
    string From,
    string To,
    string? Region,
    string? Theme,
    StatsFigures Totals,
    IReadOnlyList<StatsMonthFigures> Monthly,
    IReadOnlyList<StatsGroupFigures> ByTheme,
    IReadOnlyList<StatsGroupFigures> BySize,
    IReadOnlyList<StatsGroupFigures> BySector,
    IReadOnlyList<StatsGroupFigures> ByRegion)
{
    /// <summary>By source: the public site (<see cref="NeedStatsRow.PublicSite"/>) and each partner institution (its id).</summary>
    public IReadOnlyList<StatsGroupFigures> BySource { get; init; } = [];
}

/// <summary>One month of the series: its figures, flat in JSON beside "month".</summary>
public sealed record StatsMonthFigures : StatsFigures
{
    public StatsMonthFigures(string month, StatsFigures figures)
        : base(figures)
    {
        Month = month;
    }

    [JsonPropertyOrder(-1)]
    public string Month { get; }

    /// <summary>Of <see cref="StatsFigures.Submitted"/>, the needs partner institutions sent through the API.</summary>
    public int FromPartners { get; init; }
}

/// <summary>One group of a breakdown: its key (theme id, size, NAF section, region code), French label and figures.</summary>
public sealed record StatsGroupFigures : StatsFigures
{
    public StatsGroupFigures(string key, string label, StatsFigures figures)
        : base(figures)
    {
        Key = key;
        Label = label;
    }

    [JsonPropertyOrder(-2)]
    public string Key { get; }

    [JsonPropertyOrder(-1)]
    public string Label { get; }
}
