using ConseillersEntreprises.Core.Partners;

namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Partners</c>: the partner institutions' API keys.</summary>
public sealed class PartnersOptions
{
    public const string Section = "Partners";

    /// <summary>How long a key opens the API after it is issued (the 18 months). Refused at every call after.</summary>
    public TimeSpan KeyLifetime { get; set; } = PartnerKeyRules.DefaultLifetime;
}
