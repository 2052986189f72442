namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Email</c>: the sender address, e.g. <c>Conseillers-Entreprises &lt;contact@example.fr&gt;</c>.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";
    public string From { get; set; } = string.Empty;
    /// <summary>Pacing of the sender (Azure Communication Services allows 30 per minute by default).</summary>
    public int MaxPerMinute { get; set; } = 30;

    /// <summary>Azure Communication Services Email: when its endpoint is set, emails go through it instead of SMTP.</summary>
    public AcsEmailOptions Acs { get; set; } = new();
}

/// <summary>Section <c>Email:Acs</c>: the ACS resource endpoint (<c>https://&lt;name&gt;.communication.azure.com</c>), reached with the managed identity.</summary>
public sealed class AcsEmailOptions
{
    public string? Endpoint { get; set; }
    public TimeSpan DefaultRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
