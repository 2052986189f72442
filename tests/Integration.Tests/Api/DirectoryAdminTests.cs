using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Api;

/// <summary>The operator's directory endpoints against the real app, Azurite and the SMTP capture.</summary>
public sealed class DirectoryAdminTests : IDisposable
{
    private readonly AppHost _host = new();
    private readonly Mailbox _mailbox = new();

    public void Dispose()
    {
        _host.Dispose();
        _mailbox.Dispose();
    }

    private static DirectoryDocument SmallDirectory(string advisorName = "Claire Martin") => new()
    {
        Themes = [new Theme { Id = "tresorerie", Label = "Trésorerie", Subjects = [new Subject { Id = "difficultes-tresorerie", Label = "Difficultés de trésorerie" }] }],
        Institutions = [new Institution { Id = "urssaf", Name = "Urssaf", Subjects = ["difficultes-tresorerie"] }],
        Antennas =
        [
            new Antenna { Id = "urssaf-47", InstitutionId = "urssaf", Name = "Urssaf Lot-et-Garonne", Territories = new Territories { Departements = ["47"] } },
            new Antenna { Id = "urssaf-33", InstitutionId = "urssaf", Name = "Urssaf Gironde", Territories = new Territories { Departements = ["33"] } },
        ],
        Advisors =
        [
            new Advisor { Id = "a1", AntennaId = "urssaf-47", Name = advisorName, Email = "claire.martin@urssaf.example", Subjects = ["difficultes-tresorerie"] },
            new Advisor { Id = "a2", AntennaId = "urssaf-33", Name = "Paul Durand", Email = "paul.durand@urssaf.example", Subjects = ["difficultes-tresorerie"],
                Filters = [new RoutingFilter { MinYears = 3 }] },
        ],
    };

    private static StringContent Json(object value) =>
        new(JsonSerializer.Serialize(value, DirectoryJson.Options), System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task Without_an_operator_token_the_directory_is_refused()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "k.forged.token");

        var get = await client.GetAsync("/api/admin/directory");
        var put = await client.PutAsync("/api/admin/directory", Json(SmallDirectory()));

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Contains("lien de connexion", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_login_link_is_mailed_to_operators_only_and_the_answer_is_the_same_for_everybody()
    {
        var client = _host.CreateClient();
        var stranger = $"inconnu-{Guid.NewGuid():N}@example.org";

        var strangerAnswer = await client.PostAsJsonAsync("/api/admin/login-link", new { email = stranger });
        var operatorAnswer = await client.PostAsJsonAsync("/api/admin/login-link", new { email = _host.OperatorEmail.ToUpperInvariant() });
        var invalid = await client.PostAsJsonAsync("/api/admin/login-link", new { email = "pas une adresse" });

        Assert.Equal(HttpStatusCode.Accepted, strangerAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, operatorAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Adresse email invalide", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var email = Assert.Single(await _mailbox.WaitForAsync(_host.OperatorEmail));
        Assert.Contains("/operateur/#jeton=", email.Text, StringComparison.Ordinal);
        Assert.Contains("Ouvrir l'espace opérateur", email.Html, StringComparison.Ordinal);
        Assert.Empty(await _mailbox.ForAsync(stranger));
    }

    [Fact]
    public async Task A_valid_directory_is_stored_returned_and_routed_with()
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);

        var put = await client.PutAsync("/api/admin/directory", Json(SmallDirectory()));
        var counts = await put.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options);
        var explain = await client.GetFromJsonAsync<JsonElement>("/api/admin/routing/explain?subjectId=difficultes-tresorerie&communeCode=47203");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(2, counts.GetProperty("advisors").GetInt32());
        Assert.Equal(2, counts.GetProperty("antennas").GetInt32());
        Assert.Equal(JsonSerializer.Serialize(SmallDirectory(), DirectoryJson.Options), JsonSerializer.Serialize(stored, DirectoryJson.Options));
        Assert.Equal("a1", explain.GetProperty("kept")[0].GetProperty("advisorId").GetString());
        Assert.Equal("Urssaf", explain.GetProperty("kept")[0].GetProperty("institution").GetString());
        var leftOut = explain.GetProperty("leftOut")[0];
        Assert.Equal("a2", leftOut.GetProperty("advisorId").GetString());
        Assert.Contains("ne couvre pas Penne-d'Agenais", leftOut.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_directory_lists_every_problem_and_stores_nothing()
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(SmallDirectory()))).StatusCode);
        var broken = SmallDirectory("Nouveau nom");
        broken.Advisors[0] = broken.Advisors[0] with { Email = "invalide", AntennaId = "urssaf-99" };
        broken.Advisors[1] = broken.Advisors[1] with { Subjects = ["sujet-fantome"] };
        broken.Antennas[1] = broken.Antennas[1] with { Territories = new Territories { Departements = ["99"] } };

        var put = await client.PutAsync("/api/admin/directory", Json(broken));
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        var stored = await client.GetFromJsonAsync<DirectoryDocument>("/api/admin/directory", DirectoryJson.Options);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Adresse email « invalide » invalide", errors.GetProperty("advisors[0].email")[0].GetString());
        Assert.Equal("Antenne « urssaf-99 » inconnue", errors.GetProperty("advisors[0].antennaId")[0].GetString());
        Assert.Equal("Sujet « sujet-fantome » inconnu", errors.GetProperty("advisors[1].subjects[0]")[0].GetString());
        Assert.True(errors.TryGetProperty("antennas[1].territories.departements[0]", out _));
        Assert.Equal("Claire Martin", stored!.Advisors[0].Name);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"advisors\":[{\"id\":\"x\"}]}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_json_gets_a_french_400_never_a_500(string body)
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);

        var put = await client.PutAsync("/api/admin/directory", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("L'annuaire n'a pas été enregistré", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_instance_routes_with_a_new_directory_within_seconds()
    {
        using var other = new AppHost(_host.TablePrefix, new Dictionary<string, string?> { ["Operators:Emails:0"] = _host.OperatorEmail });
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(SmallDirectory()))).StatusCode);
        await WaitForAdvisorNameAsync(otherClient, "Claire Martin");

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(SmallDirectory("Claire Martin-Lefèvre")))).StatusCode);

        await WaitForAdvisorNameAsync(otherClient, "Claire Martin-Lefèvre");
    }

    private static async Task WaitForAdvisorNameAsync(HttpClient client, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            // 400 "unknown subject" until the instance has loaded a directory that has it.
            var response = await client.GetAsync("/api/admin/routing/explain?subjectId=difficultes-tresorerie&communeCode=47203");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var explain = await response.Content.ReadFromJsonAsync<JsonElement>();
                seen = explain.GetProperty("kept").EnumerateArray().Select(k => k.GetProperty("advisorName").GetString()).FirstOrDefault();
            }

            if (seen == name)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the other instance still routes with '{seen}' instead of '{name}'");
    }

    [Fact]
    public async Task Explain_needs_a_known_subject_a_valid_siret_and_a_commune()
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(SmallDirectory()))).StatusCode);

        var unknownSubject = await client.GetAsync("/api/admin/routing/explain?subjectId=nope&communeCode=47203");
        var badSiret = await client.GetAsync("/api/admin/routing/explain?subjectId=difficultes-tresorerie&siret=123");
        var noCommune = await client.GetAsync("/api/admin/routing/explain?subjectId=difficultes-tresorerie");
        var unknownCommune = await client.GetAsync("/api/admin/routing/explain?subjectId=difficultes-tresorerie&communeCode=99999");

        Assert.Equal(HttpStatusCode.BadRequest, unknownSubject.StatusCode);
        Assert.Contains("Sujet « nope » inconnu", await unknownSubject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badSiret.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noCommune.StatusCode);
        var noCommuneErrors = (await noCommune.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Choisissez la commune de l'entreprise (ou donnez son SIRET)", noCommuneErrors.GetProperty("communeCode")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownCommune.StatusCode);
        Assert.Contains("Commune « 99999 » inconnue", await unknownCommune.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_lists_the_left_out_grouped_by_reason_filters_first_territories_last_in_french()
    {
        var client = await OperatorSession.SignInAsync(_host, _mailbox);
        var directory = SmallDirectory();
        directory.Advisors.Add(new Advisor { Id = "a3", AntennaId = "urssaf-33", Name = "Léa Roux", Email = "lea.roux@urssaf.example", Subjects = ["difficultes-tresorerie"], Active = false });
        directory.Advisors.Add(new Advisor { Id = "a4", AntennaId = "urssaf-47", Name = "Marc Noël", Email = "marc.noel@urssaf.example", Subjects = ["difficultes-tresorerie"] });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/api/admin/directory", Json(directory))).StatusCode);

        // Bordeaux: a2 (Gironde) is competent but its 3-year filter fails without company facts; a3 is inactive;
        // a1 and a4 (Lot-et-Garonne) are out of their territory.
        var explain = await client.GetFromJsonAsync<JsonElement>("/api/admin/routing/explain?subjectId=difficultes-tresorerie&communeCode=33063");

        Assert.Equal("33063", explain.GetProperty("communeCode").GetString());
        Assert.Equal("Bordeaux", explain.GetProperty("communeName").GetString());
        Assert.Empty(explain.GetProperty("kept").EnumerateArray());
        var leftOut = explain.GetProperty("leftOut").EnumerateArray().ToList();
        Assert.Equal(["a2:filter", "a3:inactive", "a1:territory", "a4:territory"],
            leftOut.Select(l => $"{l.GetProperty("advisorId").GetString()}:{l.GetProperty("rule").GetString()}"));
        Assert.All(leftOut, l => Assert.Equal("Urssaf", l.GetProperty("institution").GetString()));
        Assert.Equal("Urssaf Gironde", leftOut[0].GetProperty("antenna").GetString());
        Assert.StartsWith("Écarté par un filtre", leftOut[0].GetProperty("reasonLabel").GetString(), StringComparison.Ordinal);
        Assert.Equal("Conseiller inactif", leftOut[1].GetProperty("reasonLabel").GetString());
        Assert.Equal("Hors du territoire du conseiller", leftOut[2].GetProperty("reasonLabel").GetString());
        Assert.Contains("ne couvre pas Bordeaux (33063)", leftOut[2].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(["filter:1", "inactive:1", "territory:2"], explain.GetProperty("leftOutGroups").EnumerateArray()
            .Select(g => $"{g.GetProperty("rule").GetString()}:{g.GetProperty("count").GetInt32()}"));
        Assert.Equal("Hors du territoire du conseiller", explain.GetProperty("leftOutGroups")[2].GetProperty("label").GetString());
    }
}
