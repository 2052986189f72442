using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>
/// GET /api/subjects/suggest through the real app: the suggestions come from the directory the operators publish
/// (PUT /api/admin/directory), indexed with each new version, here at once and on the other instances at their next poll.
/// </summary>
public sealed class SubjectSuggestionTests : IDisposable
{
    private readonly AppHost _host = new();
    private readonly Mailbox _mailbox = new();

    public void Dispose()
    {
        _host.Dispose();
        _mailbox.Dispose();
    }

    private static DirectoryDocument Directory(List<string>? formalitiesKeywords = null) => new()
    {
        Themes =
        [
            new Theme
            {
                Id = "argent", Label = "Trésorerie et financement",
                Subjects =
                [
                    new Subject { Id = "difficultes-tresorerie", Label = "Faire face à des difficultés de trésorerie", Description = "Retards de paiement de vos clients, découvert : retrouver de l'air." },
                    new Subject { Id = "pret-bancaire", Label = "Obtenir un prêt bancaire", Description = "Préparer votre dossier pour la banque." },
                ],
            },
            new Theme
            {
                Id = "juridique", Label = "Juridique",
                Subjects = [new Subject { Id = "formalites", Label = "Accomplir ses formalités", Description = "Démarches auprès du greffe.", Keywords = formalitiesKeywords }],
            },
        ],
        Institutions = [new Institution { Id = "cci", Name = "CCI", Subjects = ["difficultes-tresorerie", "pret-bancaire", "formalites"] }],
        Antennas = [new Antenna { Id = "cci-47", InstitutionId = "cci", Name = "CCI Lot-et-Garonne", Territories = new Territories { Departements = ["47"] } }],
        Advisors = [new Advisor { Id = "a1", AntennaId = "cci-47", Name = "Claire Martin", Email = "claire.martin@cci.example", Subjects = ["difficultes-tresorerie", "pret-bancaire", "formalites"] }],
    };

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value, DirectoryJson.Options), System.Text.Encoding.UTF8, "application/json");

    private async Task<HttpClient> PublishAsync(DirectoryDocument directory)
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(directory))).StatusCode);
        return client;
    }

    private static async Task<List<string?>> SuggestedIdsAsync(HttpClient client, string q) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/subjects/suggest?q=" + Uri.EscapeDataString(q))).EnumerateArray().Select(s => s.GetProperty("subjectId").GetString())];

    [Fact]
    public async Task An_everyday_phrase_gets_its_subject_first_with_its_theme()
    {
        await PublishAsync(Directory());
        var client = _host.CreateClient();

        var response = await client.GetAsync("/api/subjects/suggest?q=" + Uri.EscapeDataString("mes clients paient en retard"));
        var suggestions = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(suggestions.GetArrayLength(), 1, 5);
        var first = suggestions[0];
        Assert.Equal(["label", "subjectId", "themeId", "themeLabel"], first.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("difficultes-tresorerie", first.GetProperty("subjectId").GetString());
        Assert.Equal("Faire face à des difficultés de trésorerie", first.GetProperty("label").GetString());
        Assert.Equal("argent", first.GetProperty("themeId").GetString());
        Assert.Equal("Trésorerie et financement", first.GetProperty("themeLabel").GetString());
    }

    [Fact]
    public async Task A_blank_need_gets_an_empty_list()
    {
        await PublishAsync(Directory());
        var client = _host.CreateClient();

        // One host for the four: each would otherwise cost a start, a sign-in and a publication.
        foreach (var url in new[] { "/api/subjects/suggest", "/api/subjects/suggest?q=", "/api/subjects/suggest?q=%20%20%20", "/api/subjects/suggest?q=le%20la%20les" })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        }

        Assert.NotEmpty(await SuggestedIdsAsync(client, "trésorerie"));
    }

    [Fact]
    public async Task A_need_over_200_characters_gets_a_french_400()
    {
        await PublishAsync(Directory());
        var client = _host.CreateClient();
        var longest = "trésorerie " + new string('a', 200 - 11);

        var tooLong = await client.GetAsync("/api/subjects/suggest?q=" + Uri.EscapeDataString(longest + "a"));
        var problem = await tooLong.Content.ReadFromJsonAsync<JsonElement>();
        var atTheLimit = await client.GetAsync("/api/subjects/suggest?q=" + Uri.EscapeDataString(longest));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("application/problem+json", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Décrivez votre besoin en 200 caractères au plus pour recevoir des suggestions (201 reçus).", problem.GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
        Assert.Equal("difficultes-tresorerie", (await atTheLimit.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("subjectId").GetString());
    }

    [Fact]
    public async Task A_keyword_an_operator_adds_to_a_subject_is_suggested_here_at_once_and_on_another_instance_soon()
    {
        using var other = new AppHost(_host.TablePrefix, new Dictionary<string, string?> { ["Operators:Emails:0"] = _host.OperatorEmail });
        var operatorClient = await PublishAsync(Directory());
        var publicClient = _host.CreateClient();
        var otherClient = other.CreateClient();
        Assert.Empty(await SuggestedIdsAsync(publicClient, "un extrait Kbis"));

        var put = await operatorClient.PutAsync("/api/admin/directory", Json(Directory(["extrait Kbis", "immatriculation"])));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("formalites", (await SuggestedIdsAsync(publicClient, "un extrait Kbis")).FirstOrDefault());
        Assert.Equal("formalites", (await SuggestedIdsAsync(publicClient, "immatriculer ma société")).FirstOrDefault());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await SuggestedIdsAsync(otherClient, "un extrait Kbis")).FirstOrDefault() != "formalites")
        {
            Assert.True(DateTime.UtcNow < deadline, "the other instance does not suggest the subject of the new keyword");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Invalid_keywords_get_a_french_400_and_nothing_is_stored()
    {
        var operatorClient = await PublishAsync(Directory());
        var publicClient = _host.CreateClient();

        var put = await operatorClient.PutAsync("/api/admin/directory", Json(Directory([" Kbis", "K", "greffe", "GREFFE", ""])));
        var errors = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var stored = await operatorClient.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options);
        var tooMany = await operatorClient.PutAsync("/api/admin/directory", Json(Directory([.. Enumerable.Range(1, 31).Select(i => $"mot {i}")])));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        const string Keywords = "themes[1].subjects[0].keywords";
        Assert.Equal("Le mot-clé «  Kbis » commence ou finit par des espaces : retirez-les", errors.GetProperty($"{Keywords}[0]")[0].GetString());
        Assert.Equal("Le mot-clé « K » doit compter de 2 à 60 caractères, sans caractère de contrôle", errors.GetProperty($"{Keywords}[1]")[0].GetString());
        Assert.Equal("Mot-clé « GREFFE » en double", errors.GetProperty($"{Keywords}[3]")[0].GetString());
        Assert.Equal("Mot-clé vide", errors.GetProperty($"{Keywords}[4]")[0].GetString());
        Assert.False(errors.TryGetProperty($"{Keywords}[2]", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("31 mots-clés : 30 au plus par sujet", await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(stored!.Themes[1].Subjects[0].Keywords);
        Assert.Empty(await SuggestedIdsAsync(publicClient, "un extrait Kbis"));
    }
}
