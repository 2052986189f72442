using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>Advisors as a spreadsheet: export, edit, import — validated like the JSON document.</summary>
public sealed class AdvisorCsvTests : IClassFixture<AdvisorCsvTests.SeededHost>
{
    private readonly SeededHost _host;

    public AdvisorCsvTests(SeededHost host) => _host = host;

    public sealed class SeededHost() : AppHost(settings: new Dictionary<string, string?> { ["Directory:SeedDemo"] = "true" });

    [Fact]
    public async Task Export_then_import_of_an_edited_sheet_changes_exactly_what_was_edited()
    {
        using var mailbox = new Mailbox();
        var client = await OperatorSession.SignInAsync(_host, mailbox);
        var before = (await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options))!;

        var exported = await client.GetAsync("/api/admin/directory/advisors.csv");
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // BOM: Excel shows accents
        Assert.Equal(before.Advisors.Count + 1, lines.Count);
        Assert.StartsWith("id;antenne_id;antenne;institution;nom;email", lines[0], StringComparison.Ordinal);

        var first = before.Advisors[0];
        lines[1] = lines[1].Replace(first.Name, "Nom Corrigé", StringComparison.Ordinal);
        var put = await client.PutAsync("/api/admin/directory/advisors.csv", new StringContent(string.Join("\r\n", lines), Encoding.UTF8, "text/csv"));
        var after = (await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options))!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Nom Corrigé", after.Advisors[0].Name);
        Assert.Equal(before.Advisors.Count, after.Advisors.Count);
        Assert.Equal(
            JsonSerializer.Serialize(before.Advisors.Skip(1), DirectoryJson.Options),
            JsonSerializer.Serialize(after.Advisors.Skip(1), DirectoryJson.Options)); // filters and territories kept
    }

    [Fact]
    public async Task A_sheet_with_errors_is_refused_with_every_problem_and_nothing_changes()
    {
        using var mailbox = new Mailbox();
        var client = await OperatorSession.SignInAsync(_host, mailbox);
        var before = await client.GetStringAsync("/api/admin/directory");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/admin/directory/advisors.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[1].Split(';');
        columns[1] = "antenne-fantome";
        columns[5] = "pas-une-adresse";
        lines[1] = string.Join(';', columns);

        var put = await client.PutAsync("/api/admin/directory/advisors.csv", new StringContent(string.Join("\r\n", lines), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        // Named as the spreadsheet shows them: line 2 is the first advisor, under the header.
        Assert.Contains("antenne-fantome", errors.GetProperty("ligne 2, colonne antenne_id")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("ligne 2, colonne email", out _));
        Assert.Equal(before, await client.GetStringAsync("/api/admin/directory"));
    }

    [Theory]
    [InlineData("advisors[0].antennaId", "ligne 2, colonne antenne_id")]
    [InlineData("advisors[2].territories.departements[1]", "ligne 7, colonne departements_specifiques")]
    [InlineData("advisors[1].filters[0].minYears", "ligne 4")]
    [InlineData("advisors[1]", "ligne 4")]
    [InlineData("advisors[9].email", "advisors[9].email")] // no such line: left as it is
    [InlineData("antennas[0].institutionId", "antennas[0].institutionId")]
    public void Problems_of_an_import_are_told_as_spreadsheet_lines_and_columns(string path, string shown) =>
        Assert.Equal(shown, ConseillersEntreprises.App.DirectoryCsv.AdvisorCsv.PathForPeople(path, [2, 4, 7]));
}
