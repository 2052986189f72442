using System.Text;
using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using static ConseillersEntreprises.Core.Tests.Routing.TestDirectory;

namespace ConseillersEntreprises.Core.Tests.Directory;

/// <summary>The antennas' sheet: what a row holds, read back as it was written, and every problem where a person finds it.</summary>
public sealed class AntennaCsvTests
{
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();

    private static DirectoryDocument Sample()
    {
        var directory = With(
            (Antenna("agen", new Territories { Communes = ["47001"], Epcis = ["200096956"] }, AntennaLevel.Local, new RoutingFilter { MinHeadcount = 10 }) with
            {
                Managers = [new Manager { Name = "Anne Durand", Email = "anne@example.org" }, new Manager { Name = "Paul; dit « Polo »", Email = "paul@example.org" }],
            }, [Advisor("a1", "agen")]),
            (Antenna("naq", Regions("75"), AntennaLevel.Regional), [Advisor("a2", "naq")]),
            (Antenna("france", level: AntennaLevel.National), []));
        return directory;
    }

    private static string Text(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');

    private static (DirectoryDocument? Document, IReadOnlyList<CsvProblem> Problems, IReadOnlyList<int> Lines) Import(string csv, DirectoryDocument current) =>
        AntennaCsv.Import(new MemoryStream(Encoding.UTF8.GetBytes(csv)), current);

    [Fact]
    public void A_row_tells_an_antenna_with_its_institution_level_territories_and_managers()
    {
        var lines = Text(AntennaCsv.Export(Sample())).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("id;institution_id;institution;nom;niveau;communes;epci;departements;regions;responsables", lines[0]);
        Assert.Equal("agen;inst;Chambre test;Antenne agen;local;47001;200096956;;;\"Anne Durand <anne@example.org>|Paul; dit « Polo » <paul@example.org>\"", lines[1]);
        Assert.Equal("naq;inst;Chambre test;Antenne naq;régional;;;;75;", lines[2]);
        Assert.Equal("france;inst;Chambre test;Antenne france;national;;;;;", lines[3]);
    }

    [Fact]
    public void An_exported_sheet_reads_back_as_the_same_antennas_filters_kept()
    {
        var directory = Sample();

        var (document, problems, lines) = AntennaCsv.Import(new MemoryStream(AntennaCsv.Export(directory)), directory);

        Assert.Empty(problems);
        Assert.Equal([2, 3, 4], lines);
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(directory, DirectoryJson.Options),
            System.Text.Json.JsonSerializer.Serialize(document, DirectoryJson.Options));
        Assert.Empty(DirectoryValidator.Validate(document, Territories));
    }

    [Fact]
    public void Every_problem_of_the_file_is_told_with_its_line_and_column()
    {
        var csv = string.Join("\r\n",
            "id;institution_id;nom;niveau;responsables",
            "agen;inst;Antenne agen;départemental;Anne <anne@example.org>",
            "naq;inst;Antenne naq;regional;anne@example.org",
            "france;inst;Antenne france;national;;trop");

        var (document, problems, _) = Import(csv, Sample());

        Assert.Equal(
            [(2, "niveau"), (3, "responsables"), (4, null)],
            problems.Select(p => (p.Line, p.Column)));
        Assert.Contains("« départemental »", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Nom <adresse email>", problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(AntennaLevel.Regional, document!.Antennas[1].Level); // "regional" without accent is read too
    }

    [Fact]
    public void The_validators_problems_are_told_as_lines_columns_or_the_advisor_left_without_antenna()
    {
        var csv = string.Join("\r\n",
            "id;institution_id;nom;niveau;communes;epci;departements;regions;responsables",
            "agen;inst-fantome;Antenne agen;local;47001;;;;",
            "naq;inst;Antenne naq;régional;;;;;Anne <pas-une-adresse>");
        var current = Sample();

        var (document, problems, lines) = Import(csv, current);
        var told = DirectoryValidator.Validate(document, Territories)
            .Select(p => AntennaCsv.ProblemForPeople(p, lines, document!) ?? new CsvProblem(0, null, p.Message))
            .ToList();

        Assert.Empty(problems);
        Assert.Contains(told, p => p is { Line: 2, Column: "institution_id" } && p.Message.Contains("inst-fantome", StringComparison.Ordinal));
        Assert.Contains(told, p => p is { Line: 3, Column: "communes" or "regions" or null } && p.Message.Contains("territoire", StringComparison.Ordinal));
        Assert.Contains(told, p => p is { Line: 3, Column: "responsables" } && p.Message.Contains("pas-une-adresse", StringComparison.Ordinal));
        // a2's antenna is still there; the national one is gone, but nobody was in it. a1 is fine: agen is in the file.
        Assert.DoesNotContain(told, p => p.Line == 0);
    }

    [Fact]
    public void An_advisor_whose_antenna_left_the_file_is_named()
    {
        var csv = string.Join("\r\n",
            "id;institution_id;nom;niveau;communes;epci;departements;regions;responsables",
            "agen;inst;Antenne agen;local;47001;;;;");

        var (document, _, lines) = Import(csv, Sample());
        var told = Assert.Single(DirectoryValidator.Validate(document, Territories)
            .Select(p => AntennaCsv.ProblemForPeople(p, lines, document!)));

        Assert.Equal("annuaire", told!.Place);
        Assert.Equal("Le conseiller Conseiller a2 (a2) est rattaché à l'antenne « naq », absente du fichier : gardez cette antenne, ou rattachez d'abord ce conseiller à une autre", told.Message);
    }
}
