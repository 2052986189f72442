using System.Globalization;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// The antennas of the directory as CSV for people, with the advisors' sheet's rules (<see cref="AdvisorCsv"/>):
/// semicolon-separated, UTF-8 with BOM, lists separated by "|", the whole file read and every problem told by line and
/// column. Routing filters stay in the JSON document: an import keeps each antenna's existing filters.
/// </summary>
public static partial class AntennaCsv
{
    public static byte[] Export(DirectoryDocument directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return CsvSheet.Write(directory.Antennas.Select(a => new AntennaCsvRow
        {
            Id = a.Id,
            InstitutionId = a.InstitutionId,
            InstitutionName = institutions.GetValueOrDefault(a.InstitutionId)?.Name,
            Name = a.Name,
            Level = LevelName(a.Level),
            Communes = CsvSheet.Join(a.Territories.Communes),
            Epcis = CsvSheet.Join(a.Territories.Epcis),
            Departements = CsvSheet.Join(a.Territories.Departements),
            Regions = CsvSheet.Join(a.Territories.Regions),
            Managers = CsvSheet.Join([.. a.Managers.Select(m => $"{m.Name} <{m.Email}>")]),
        }));
    }

    /// <summary>The columns in the exported order (<see cref="AntennaCsvRow"/>), for listing a line's problems left to right.</summary>
    private static readonly string[] ExportedColumns =
        ["id", "institution_id", "institution", "nom", "niveau", "communes", "epci", "departements", "regions", "responsables"];

    /// <summary>The position of a column in the exported sheet (unknown columns last).</summary>
    public static int ColumnOrder(string column) => Array.IndexOf(ExportedColumns, column) is var i and >= 0 ? i : ExportedColumns.Length;

    /// <summary>The columns an import cannot do without; the others may be absent (empty).</summary>
    private static readonly string[] RequiredColumns = ["id", "institution_id", "nom", "niveau"];

    /// <summary>
    /// Reads antennas from CSV into a copy of <paramref name="current"/> (catalogue, institutions and advisors kept), the
    /// whole file whatever it holds (see <see cref="AdvisorCsv.Import"/>): the caller runs the directory validator on the
    /// result, so that an advisor left without its antenna is told too.
    /// </summary>
    /// <returns>The document (null when the header lacks a required column), the file's problems, each antenna's line.</returns>
    public static (DirectoryDocument? Document, IReadOnlyList<CsvProblem> Problems, IReadOnlyList<int> Lines) Import(Stream csvStream, DirectoryDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<CsvProblem>();
        var previous = current.Antennas.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var antennas = new List<Antenna>();
        var lines = new List<int>();
        var readable = CsvSheet.Read(csvStream, RequiredColumns, "id;institution_id", problems, (line, field) =>
        {
            var levelText = field("niveau") ?? string.Empty;
            var level = ParseLevel(levelText);
            if (level is null)
            {
                problems.Add(new CsvProblem(line, "niveau", $"« {levelText} » n'est ni « local », ni « régional », ni « national »"));
            }

            var managers = new List<Manager>();
            foreach (var text in CsvSheet.Split(field("responsables")))
            {
                if (ManagerText().Match(text) is { Success: true } match)
                {
                    managers.Add(new Manager { Name = match.Groups["name"].Value.Trim(), Email = match.Groups["email"].Value.Trim() });
                }
                else
                {
                    problems.Add(new CsvProblem(line, "responsables", $"« {text} » ne se lit pas « Nom <adresse email> » (plusieurs responsables séparés par « | »)"));
                }
            }

            var id = field("id") ?? string.Empty;
            lines.Add(line);
            antennas.Add(new Antenna
            {
                Id = id,
                InstitutionId = field("institution_id") ?? string.Empty,
                Name = field("nom") ?? string.Empty,
                Level = level ?? AntennaLevel.Local,
                Territories = new Territories
                {
                    Communes = CsvSheet.Split(field("communes")),
                    Epcis = CsvSheet.Split(field("epci")),
                    Departements = CsvSheet.Split(field("departements")),
                    Regions = CsvSheet.Split(field("regions")),
                },
                Managers = managers,
                Filters = previous.TryGetValue(id, out var before) ? before.Filters : [],
            });
        });

        return readable ? (current with { Antennas = antennas }, problems, lines) : (null, problems, lines);
    }

    /// <summary>
    /// Where a validator's problem is for a person: "antennas[3].territories.epcis[0]" → line 5, column epci; an advisor
    /// whose antenna is no longer in the file → a problem of the directory naming the advisor; anything else of the
    /// directory (outside the file) → null.
    /// </summary>
    public static CsvProblem? ProblemForPeople(DirectoryProblem problem, IReadOnlyList<int> lines, DirectoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(document);
        if (AdvisorPath().Match(problem.Path) is { Success: true } advisorMatch &&
            int.TryParse(advisorMatch.Groups["index"].Value, CultureInfo.InvariantCulture, out var advisorIndex) &&
            advisorIndex < document.Advisors.Count)
        {
            // The advisors are not in this file: the problem names the advisor, whose sheet is the other one.
            var advisor = document.Advisors[advisorIndex];
            return new CsvProblem(0, null, advisorMatch.Groups["rest"].Value == ".antennaId"
                ? $"Le conseiller {advisor.Name} ({advisor.Id}) est rattaché à l'antenne « {advisor.AntennaId} », absente du fichier : gardez cette antenne, ou rattachez d'abord ce conseiller à une autre"
                : $"Conseiller {advisor.Name} ({advisor.Id}) : {problem.Message}");
        }

        var match = AntennaPath().Match(problem.Path);
        if (!match.Success || !int.TryParse(match.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) || index >= lines.Count)
        {
            return null;
        }

        return new CsvProblem(lines[index], ColumnOf(match), problem.Message);
    }

    private static string? ColumnOf(Match match) => match.Groups["field"].Value switch
    {
        "id" => "id",
        "institutionId" => "institution_id",
        "name" => "nom",
        "level" => "niveau",
        "managers" => "responsables",
        "territories" when match.Groups["rest"].Value.StartsWith(".communes", StringComparison.Ordinal) => "communes",
        "territories" when match.Groups["rest"].Value.StartsWith(".epcis", StringComparison.Ordinal) => "epci",
        "territories" when match.Groups["rest"].Value.StartsWith(".departements", StringComparison.Ordinal) => "departements",
        "territories" when match.Groups["rest"].Value.StartsWith(".regions", StringComparison.Ordinal) => "regions",
        _ => null,
    };

    private static string LevelName(AntennaLevel level) => level switch
    {
        AntennaLevel.Regional => "régional",
        AntennaLevel.National => "national",
        _ => "local",
    };

    private static AntennaLevel? ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "local" or "" => AntennaLevel.Local,
        "régional" or "regional" => AntennaLevel.Regional,
        "national" => AntennaLevel.National,
        _ => null,
    };

    [GeneratedRegex(@"^antennas\[(?<index>\d+)\](?:\.(?<field>[A-Za-z]+)(?<rest>.*))?$")]
    private static partial Regex AntennaPath();

    [GeneratedRegex(@"^advisors\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex AdvisorPath();

    /// <summary>"Nom Prénom &lt;adresse&gt;": the name may hold anything but the angle brackets.</summary>
    [GeneratedRegex(@"^(?<name>[^<>]+)<(?<email>[^<>]+)>$")]
    private static partial Regex ManagerText();


}
