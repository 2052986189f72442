namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Links</c>: signing keys as <c>kid=base64secret</c> (first signs, all verify) and link lifetimes.</summary>
public sealed class LinksOptions
{
    public const string Section = "Links";
    public List<string> SigningKeys { get; set; } = [];
    public TimeSpan OperatorLinkLifetime { get; set; } = TimeSpan.FromHours(12);
    public TimeSpan AdvisorLinkLifetime { get; set; } = TimeSpan.FromDays(30);
    /// <summary>The company follows its need for its whole life (abandon at 45 days, survey after): 120 days.</summary>
    public TimeSpan CompanyLinkLifetime { get; set; } = TimeSpan.FromDays(120);
}
