using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>The storage request counter sees what the app really sends to Azurite (the load driver relies on it).</summary>
public sealed class StorageMetricsTests : IDisposable
{
    private readonly AppHost _host = new();
    private readonly Mailbox _mailbox = new();

    public void Dispose()
    {
        _host.Dispose();
        _mailbox.Dispose();
    }

    [Fact]
    public async Task Storing_a_directory_shows_up_as_one_batch_and_a_pointer_write_on_the_directory_table()
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/admin/metrics/storage");
        var directory = new DirectoryDocument
        {
            Themes = [new Theme { Id = "t", Label = "Thème", Subjects = [new Subject { Id = "s", Label = "Sujet" }] }],
        };

        var put = await client.PutAsync("/api/admin/directory",
            new StringContent(JsonSerializer.Serialize(directory, DirectoryJson.Options), System.Text.Encoding.UTF8, "application/json"));
        var after = await client.GetFromJsonAsync<JsonElement>("/api/admin/metrics/storage");

        put.EnsureSuccessStatusCode();
        Assert.True(after.GetProperty("total").GetInt64() > before.GetProperty("total").GetInt64());
        var directoryOps = after.GetProperty("operations").EnumerateArray()
            .Where(o => o.GetProperty("resource").GetString()!.Contains("directory", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(directoryOps);
        Assert.DoesNotContain(directoryOps, o => o.GetProperty("resource").GetString()!.StartsWith(_host.TablePrefix, StringComparison.Ordinal));
    }
}
