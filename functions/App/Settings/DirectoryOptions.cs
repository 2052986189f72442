namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Directory</c>: how often instances look for a new directory version; demo seeding for local runs.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>Stores the generated demo directory at start-up when no directory exists yet (local runs only).</summary>
    public bool SeedDemo { get; set; }
    /// <summary>
    /// Stores the demo history once the demo directory is loaded (local runs only): a year of needs written as history
    /// and a dozen recent ones submitted through the workflow (<c>functions/DemoData/History</c>).
    /// </summary>
    public bool SeedDemoHistory { get; set; }
}
