namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Site</c>: the public site's base URL, used to build links in emails.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";
    public string BaseUrl { get; set; } = string.Empty;
}
