namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Storage</c>: a connection string (local, Azurite) or an account name reached with the managed identity.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }
    /// <summary>Prefix of every table and queue name (letters and digits); lets test hosts share one account.</summary>
    public string? TablePrefix { get; set; }
}
