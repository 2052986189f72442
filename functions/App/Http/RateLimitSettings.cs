namespace ConseillersEntreprises.App;

/// <summary>Section <c>RateLimits</c>: requests allowed per client address.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";
    public int PublicPerMinute { get; set; } = 300;
    public int LoginLinksPerHour { get; set; } = 10;
    public int NeedsPerHour { get; set; } = 20;
}
