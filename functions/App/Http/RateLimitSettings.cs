namespace ConseillersEntreprises.App;

/// <summary>Section <c>RateLimits</c>: requests allowed per client address (per API key for the partners).</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";
    public int PublicPerMinute { get; set; } = 300;
    public int LoginLinksPerHour { get; set; } = 10;
    public int NeedsPerHour { get; set; } = 20;

    /// <summary>Needs one partner API key may submit per hour (a partner's server sends for many companies from one address).</summary>
    public int PartnerNeedsPerHour { get; set; } = 500;
}
