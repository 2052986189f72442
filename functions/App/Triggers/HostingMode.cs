namespace ConseillersEntreprises.App.Triggers;

/// <summary>
/// Whether the app runs under the Functions host (custom handler: the host owns the triggers) or hosts itself (it
/// runs its own queue listeners and timers). Read from the final configuration when first needed.
/// </summary>
public sealed class HostingMode(IConfiguration configuration)
{
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public bool IsCustomHandler => !string.IsNullOrEmpty(configuration[PortSetting]);
}
