namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Smtp</c>: the relay that carries our emails (a local capture in development).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; } = 25;
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>How long an email waits before a new try when the relay stays unavailable.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
