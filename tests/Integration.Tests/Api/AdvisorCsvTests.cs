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

    /// <summary>The demo directory, and one operator session for every test of the class (one sign-in email).</summary>
    public sealed class SeededHost() : AppHost(settings: new Dictionary<string, string?> { ["Directory:SeedDemo"] = "true" })
    {
        private Task<HttpClient>? _operator;

        public Task<HttpClient> OperatorAsync() => LazyInitializer.EnsureInitialized(ref _operator, SignInAsync);

        private async Task<HttpClient> SignInAsync()
        {
            using var mailbox = new Mailbox();
            return await OperatorSession.SignInAsync(this, mailbox);
        }
    }

    [Fact]
    public async Task Export_then_import_of_an_edited_sheet_changes_exactly_what_was_edited()
    {
        var client = await _host.OperatorAsync();
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
        var client = await _host.OperatorAsync();
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

    [Fact]
    public async Task A_sheet_with_many_kinds_of_errors_gets_every_one_in_one_answer_by_line_and_column()
    {
        var client = await _host.OperatorAsync();
        var before = await client.GetStringAsync("/api/admin/directory");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/admin/directory/advisors.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string Edit(int line, int column, string value)
        {
            var columns = lines[line - 1].Split(';');
            columns[column] = value;
            return string.Join(';', columns);
        }

        var firstId = lines[1].Split(';')[0];
        lines[1] = Edit(2, 7, "peut-être");                       // actif
        lines[2] = Edit(3, 1, "antenne-fantome");                 // antenne_id
        lines[2] = string.Join(';', lines[2].Split(';').Select((v, i) => i == 5 ? "pas-une-adresse" : v)); // email, same line
        lines[3] = lines[3] + ";colonne-en-trop";                 // one column too many
        lines[4] = Edit(5, 0, firstId);                           // id already used on line 2
        lines[5] = Edit(6, 8, "sujet-fantome");                   // sujets

        var put = await client.PutAsync("/api/admin/directory/advisors.csv", new StringContent(string.Join("\r\n", lines), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var body = await put.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(
            ["ligne 2, colonne actif", "ligne 3, colonne antenne_id", "ligne 3, colonne email", "ligne 4", "ligne 5, colonne id", "ligne 6, colonne sujets"],
            errors);
        var messages = problem.GetProperty("errors");
        Assert.Equal("« peut-être » n'est ni « oui » ni « non »", messages.GetProperty("ligne 2, colonne actif")[0].GetString());
        Assert.Contains("antenne-fantome", messages.GetProperty("ligne 3, colonne antenne_id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("14 colonne(s) alors que l'en-tête en a 13", messages.GetProperty("ligne 4")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("en double", messages.GetProperty("ligne 5, colonne id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("sujet-fantome", messages.GetProperty("ligne 6, colonne sujets")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Les conseillers n'ont pas été enregistrés : 6 problèmes", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("JSON", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("advisors[", body, StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync("/api/admin/directory")); // all or nothing
    }

    [Theory]
    [InlineData("", "ligne 1", "Le fichier est vide")]
    [InlineData("id;nom;email\r\na;b;c@d.fr", "ligne 1, colonne antenne_id", "Colonne « antenne_id » absente")]
    [InlineData("id,antenne_id,nom,email,sujets\r\na,b,c,d,e", "ligne 1, colonne antenne_id", "séparez les colonnes par « ; »")]
    public async Task A_file_that_is_not_the_sheet_is_told_about_its_header(string csv, string place, string message)
    {
        var client = await _host.OperatorAsync();

        var put = await client.PutAsync("/api/admin/directory/advisors.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(place)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("advisors[0].antennaId", "ligne 2, colonne antenne_id")]
    [InlineData("advisors[2].territories.departements[1]", "ligne 7, colonne departements_specifiques")]
    [InlineData("advisors[1].filters[0].minYears", "ligne 4")]
    [InlineData("advisors[1]", "ligne 4")]
    [InlineData("advisors[9].email", "annuaire")] // no such line: a problem of the directory, not of the file
    [InlineData("antennas[0].institutionId", "annuaire")]
    public void Problems_of_an_import_are_told_as_spreadsheet_lines_and_columns(string path, string shown) =>
        Assert.Equal(shown, (ConseillersEntreprises.App.DirectoryCsv.AdvisorCsv.ProblemForPeople(new DirectoryProblem(path, "x"), [2, 4, 7])
            ?? new ConseillersEntreprises.App.DirectoryCsv.CsvProblem(0, null, "x")).Place);
}
