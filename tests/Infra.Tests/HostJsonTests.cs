using System.Text.Json;

namespace ConseillersEntreprises.Infra.Tests;

/// <summary>host.json as the Functions host on Azure reads it.</summary>
public sealed class HostJsonTests
{
    private static JsonElement HostJson()
    {
        // The host accepts comments and trailing commas in host.json.
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = JsonDocument.Parse(File.ReadAllText(Paths.InRepository("host.json")), options);
        return document.RootElement.Clone();
    }

    private static JsonElement DurableTask() => HostJson().GetProperty("extensions").GetProperty("durableTask");

    [Fact]
    public void Host_json_declares_no_custom_handler()
    {
        // The app is an isolated-worker app (FUNCTIONS_WORKER_RUNTIME dotnet-isolated), not a custom handler.
        Assert.False(HostJson().TryGetProperty("customHandler", out _));
    }

    [Fact]
    public void The_durable_task_hub_is_on_azure_storage_through_AzureWebJobsStorage()
    {
        var storageProvider = DurableTask().GetProperty("storageProvider");

        Assert.Equal("AzureStorage", storageProvider.GetProperty("type").GetString());
        // The Bicep makes AzureWebJobsStorage identity-based (AzureWebJobsStorage__*): another connection would have no settings.
        foreach (var name in new[] { "connectionName", "connectionStringName" })
        {
            if (storageProvider.TryGetProperty(name, out var connection))
            {
                Assert.Equal("AzureWebJobsStorage", connection.GetString());
            }
        }
    }

    [Fact]
    public void The_task_hub_name_is_3_to_45_letters_or_digits_starting_with_a_letter()
    {
        // The Azure Storage backend names its queues, tables and blob container after the hub.
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", DurableTask().GetProperty("hubName").GetString());
    }
}
