using Azure.Core;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage;

/// <summary>
/// Builds the Azure SDK clients from settings: a connection string (Azurite, local runs) or an account name with a
/// managed identity (Azure: no secret at all).
/// </summary>
public static class StorageClients
{
    public static TableServiceClient Tables(string? connectionString, string? accountName, TokenCredential credential, TableClientOptions? options = null) =>
        !string.IsNullOrWhiteSpace(connectionString)
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential, options);
}
