namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Stats</c>: the public stats endpoints.</summary>
public sealed class StatsOptions
{
    public const string Section = "Stats";

    /// <summary>How long one stats query's answer is served from memory. Zero: not cached (tests).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}
