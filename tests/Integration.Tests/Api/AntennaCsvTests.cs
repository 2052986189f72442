using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>Antennas as a spreadsheet on the demo directory: export, edit, import — all or nothing, every problem told.</summary>
public sealed class AntennaCsvTests : IClassFixture<AdvisorCsvTests.SeededHost>
{
    private readonly AdvisorCsvTests.SeededHost _host;

    public AntennaCsvTests(AdvisorCsvTests.SeededHost host) => _host = host;

    private static StringContent Csv(IEnumerable<string> lines) => new(string.Join("\r\n", lines), Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Export_then_import_of_an_edited_sheet_changes_exactly_what_was_edited()
    {
        var client = await _host.OperatorAsync();
        var before = (await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options))!;

        var exported = await client.GetAsync("/api/admin/directory/antennas.csv");
        var bytes = await exported.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        Assert.Equal("antennes.csv", exported.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(before.Antennas.Count + 1, lines.Count);
        Assert.Equal("id;institution_id;institution;nom;niveau;communes;epci;departements;regions;responsables", lines[0]);

        var first = before.Antennas[0];
        lines[1] = lines[1].Replace(first.Name, "Antenne Renommée", StringComparison.Ordinal);
        var put = await client.PutAsync("/api/admin/directory/antennas.csv", Csv(lines));
        var after = (await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options))!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Antenne Renommée", after.Antennas[0].Name);
        Assert.Equal(
            JsonSerializer.Serialize(before with { Antennas = [before.Antennas[0] with { Name = "Antenne Renommée" }, .. before.Antennas.Skip(1)] }, DirectoryJson.Options),
            JsonSerializer.Serialize(after, DirectoryJson.Options)); // territories, managers, filters and the rest kept
    }

    [Fact]
    public async Task A_sheet_with_many_kinds_of_errors_gets_every_one_in_one_answer_and_nothing_changes()
    {
        var client = await _host.OperatorAsync();
        var before = await client.GetStringAsync("/api/admin/directory");
        var document = JsonSerializer.Deserialize<DirectoryDocument>(before, DirectoryJson.Options)!;
        var lines = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/admin/directory/antennas.csv")).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        string Edit(int line, int column, string value)
        {
            var columns = lines[line - 1].Split(';');
            columns[column] = value;
            return string.Join(';', columns);
        }

        // The antenna of the first advisor leaves the file (its line removed): that advisor must be told about.
        var orphanAntenna = document.Advisors[0].AntennaId;
        var removed = lines.FindIndex(l => l.StartsWith(orphanAntenna + ";", StringComparison.Ordinal));
        var orphans = document.Advisors.Where(a => a.AntennaId == orphanAntenna).ToList();
        // Four local antennas of the file (a level changed on a national one would add a problem of its territories).
        var edited = Enumerable.Range(1, lines.Count - 1).Where(i => i != removed && lines[i].Split(';')[4] == "local").Take(4).ToArray();
        lines[edited[0]] = Edit(edited[0] + 1, 1, "institution-fantome"); // institution_id
        lines[edited[1]] = Edit(edited[1] + 1, 4, "départemental");       // niveau
        lines[edited[2]] = Edit(edited[2] + 1, 7, "99");                  // departements
        lines[edited[3]] = Edit(edited[3] + 1, 9, "Sans adresse");        // responsables
        lines.RemoveAt(removed);
        var put = await client.PutAsync("/api/admin/directory/antennas.csv", Csv(lines));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var body = await put.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.GetProperty("errors");
        int Line(int index) => index + 1 - (removed < index ? 1 : 0); // the file's lines as sent
        Assert.Equal(
            ["annuaire", $"ligne {Line(edited[0])}, colonne institution_id", $"ligne {Line(edited[1])}, colonne niveau",
                $"ligne {Line(edited[2])}, colonne departements", $"ligne {Line(edited[3])}, colonne responsables"],
            errors.EnumerateObject().Select(e => e.Name));
        var directoryProblems = errors.GetProperty("annuaire").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(orphans.Count, directoryProblems.Count);
        Assert.All(orphans, a => Assert.Contains(directoryProblems, m => m.Contains($"({a.Id})", StringComparison.Ordinal) && m.Contains(orphanAntenna, StringComparison.Ordinal)));
        Assert.Contains("institution-fantome", errors.GetProperty($"ligne {Line(edited[0])}, colonne institution_id")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Les antennes n'ont pas été enregistrées", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("antennas[", body, StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync("/api/admin/directory")); // all or nothing
    }
}
