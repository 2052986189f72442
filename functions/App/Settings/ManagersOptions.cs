namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Managers</c>: the antenna managers' weekly digest and signed links.</summary>
public sealed class ManagersOptions
{
    public const string Section = "Managers";

    /// <summary>A need sent this long ago to an antenna whose advisors have not answered goes in its managers' digest (9 days).</summary>
    public TimeSpan DigestUnansweredAfter { get; set; } = TimeSpan.FromDays(9);

    /// <summary>How long a manager's link opens its antennas' needs: until the next digests (30 days).</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
