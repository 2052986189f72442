using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using static ConseillersEntreprises.Core.Tests.Routing.TestDirectory;

namespace ConseillersEntreprises.Core.Tests.Directory;

public sealed class DirectoryValidatorTests
{
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();

    private static DirectoryDocument Valid() => With(
        (Antenna("a", Departements("47")) with { Managers = [new Manager { Name = "Claire Martin", Email = "claire.martin@example.org" }] },
            [Advisor("x", "a"), Advisor("y", "a", territories: Epcis("200068930"))]),
        (Antenna("n", level: AntennaLevel.National), [Advisor("z", "n")]));

    private static Dictionary<string, string> Problems(DirectoryDocument document) =>
        DirectoryValidator.Validate(document, Territories).GroupBy(p => p.Path).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(p => p.Message)));

    [Fact]
    public void A_coherent_directory_has_no_problem() => Assert.Empty(Problems(Valid()));

    [Fact]
    public void An_institution_declares_https_origins_to_embed_the_form_and_anything_else_is_listed()
    {
        var document = Valid();
        document.Institutions[0] = document.Institutions[0] with { EmbedOrigins = ["https://www.partenaire.fr", "http://www.partenaire.fr", "https://www.partenaire.fr/formulaire"] };

        var problems = Problems(document);

        Assert.Equal(2, problems.Count);
        Assert.Contains("https://", problems["institutions[0].embedOrigins[1]"], StringComparison.Ordinal);
        Assert.Contains("sans chemin", problems["institutions[0].embedOrigins[2]"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_path_not_only_the_first()
    {
        var document = Valid();
        document.Advisors[0] = document.Advisors[0] with { Email = "pas-une-adresse", Subjects = ["inconnu"] };
        document.Advisors[1] = document.Advisors[1] with { AntennaId = "fantome" };
        document.Antennas[0] = document.Antennas[0] with { Territories = new Territories { Departements = ["47", "999"], Communes = ["75115"] } };
        document.Advisors.Add(Advisor("x", "a"));

        var problems = Problems(document);

        Assert.Equal("Adresse email « pas-une-adresse » invalide", problems["advisors[0].email"]);
        Assert.Equal("Sujet « inconnu » inconnu", problems["advisors[0].subjects[0]"]);
        Assert.Equal("Antenne « fantome » inconnue", problems["advisors[1].antennaId"]);
        Assert.Contains("« 999 »", problems["antennas[0].territories.departements[1]"], StringComparison.Ordinal);
        Assert.Equal("Identifiant de conseiller « x » en double", problems["advisors[3].id"]);
        Assert.False(problems.ContainsKey("antennas[0].territories.communes[0]"), "an arrondissement code is a valid commune reference");
        Assert.Equal(5, problems.Count);
    }

    [Fact]
    public void Dangling_references_and_catalogue_mismatches_are_found()
    {
        var document = Valid() with { Institutions = [new Institution { Id = "inst", Name = "Chambre test", Subjects = [Hiring] }] };
        document.Antennas.Add(Antenna("orphan") with { InstitutionId = "nulle-part", Level = AntennaLevel.National });

        var problems = Problems(document);

        Assert.Contains("n'est pas dans le catalogue de l'institution Chambre test", problems["advisors[0].subjects[0]"], StringComparison.Ordinal);
        Assert.Equal("Institution « nulle-part » inconnue", problems["antennas[2].institutionId"]);
    }

    [Fact]
    public void A_local_antenna_must_cover_something_and_specific_territories_may_not_be_empty()
    {
        var document = Valid();
        document.Antennas[0] = document.Antennas[0] with { Territories = new Territories() };
        document.Advisors[0] = document.Advisors[0] with { Territories = new Territories() };

        var problems = Problems(document);

        Assert.Contains("au moins un territoire", problems["antennas[0].territories"], StringComparison.Ordinal);
        Assert.Contains("territoires spécifiques vides", problems["advisors[0].territories"], StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_are_checked()
    {
        var document = Valid();
        document.Advisors[0] = document.Advisors[0] with
        {
            Filters =
            [
                new RoutingFilter { MinYears = 6, MaxYears = 2 },
                new RoutingFilter { AcceptedNaf = ["62.01Z", "pas un code"], ExcludedCommunes = ["00000"] },
                new RoutingFilter { Subjects = ["inconnu"] },
            ],
        };

        var problems = Problems(document);

        Assert.Equal("L'âge maximum (2) est inférieur au minimum (6)", problems["advisors[0].filters[0].maxYears"]);
        Assert.Equal("Code NAF « pas un code » invalide", problems["advisors[0].filters[1].acceptedNaf[1]"]);
        Assert.Contains("« 00000 »", problems["advisors[0].filters[1].excludedCommunes[0]"], StringComparison.Ordinal);
        Assert.Equal("Sujet « inconnu » inconnu", problems["advisors[0].filters[2].subjects[0]"]);
        Assert.Equal("Filtre sans aucun critère", problems["advisors[0].filters[2]"]);
    }

    [Fact]
    public void Duplicate_emails_within_an_antenna_are_refused_but_not_across_antennas()
    {
        var document = Valid();
        document.Advisors.Add(Advisor("w", "a") with { Email = "X@example.org" });
        document.Advisors.Add(Advisor("v", "n") with { Email = "x@example.org" });

        var problems = Problems(document);

        Assert.Contains("déjà celle d'un autre conseiller", problems["advisors[3].email"], StringComparison.Ordinal);
        Assert.False(problems.ContainsKey("advisors[4].email"));
    }

    [Fact]
    public void A_null_document_is_one_problem() =>
        Assert.Single(DirectoryValidator.Validate(null, Territories));
}
