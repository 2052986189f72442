using System.Globalization;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// The advisors of the directory as CSV for people (spreadsheets): semicolon-separated, UTF-8 with BOM so that
/// Excel shows accents. Routing filters stay in the JSON document: an import keeps each advisor's existing filters.
/// </summary>
public static partial class AdvisorCsv
{
    public static byte[] Export(DirectoryDocument directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var antennas = directory.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return CsvSheet.Write(directory.Advisors.Select(a =>
        {
            var antenna = antennas.GetValueOrDefault(a.AntennaId);
            return new AdvisorCsvRow
            {
                Id = a.Id,
                AntennaId = a.AntennaId,
                AntennaName = antenna?.Name,
                InstitutionName = antenna is null ? null : institutions.GetValueOrDefault(antenna.InstitutionId)?.Name,
                Name = a.Name,
                Email = a.Email,
                Phone = a.Phone,
                Active = a.Active ? "oui" : "non",
                Subjects = string.Join('|', a.Subjects),
                Communes = CsvSheet.Join(a.Territories?.Communes),
                Epcis = CsvSheet.Join(a.Territories?.Epcis),
                Departements = CsvSheet.Join(a.Territories?.Departements),
                Regions = CsvSheet.Join(a.Territories?.Regions),
            };
        }));
    }

    /// <summary>The columns in the exported order (<see cref="AdvisorCsvRow"/>), for listing a line's problems left to right.</summary>
    private static readonly string[] ExportedColumns =
    [
        "id", "antenne_id", "antenne", "institution", "nom", "email", "telephone", "actif", "sujets",
        "communes_specifiques", "epci_specifiques", "departements_specifiques", "regions_specifiques",
    ];

    /// <summary>The position of a column in the exported sheet (unknown columns last).</summary>
    public static int ColumnOrder(string column) => Array.IndexOf(ExportedColumns, column) is var i and >= 0 ? i : ExportedColumns.Length;

    /// <summary>The columns an import cannot do without; the others may be absent (empty).</summary>
    private static readonly string[] RequiredColumns = ["id", "antenne_id", "nom", "email", "sujets"];

    /// <summary>
    /// Reads advisors from CSV into a copy of <paramref name="current"/> (catalogue, institutions and antennas kept).
    /// The whole file is read whatever it holds: every problem of the file itself is collected with its line and column
    /// (a stray quote, a line with too many or too few columns, an "actif" that is neither oui nor non), and the rows
    /// still make a document, so that the caller can run the directory validator too and tell everything at once.
    /// </summary>
    /// <returns>
    /// The document (null only when the header lacks a required column: the rows cannot be read then), the problems of
    /// the file, and the file's line of each advisor (<c>Lines[i]</c> for <c>advisors[i]</c>), so that the validator's
    /// problems can be told as spreadsheet lines.
    /// </returns>
    public static (DirectoryDocument? Document, IReadOnlyList<CsvProblem> Problems, IReadOnlyList<int> Lines) Import(Stream csvStream, DirectoryDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<CsvProblem>();
        var previous = current.Advisors.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var advisors = new List<Advisor>();
        var lines = new List<int>();
        var readable = CsvSheet.Read(csvStream, RequiredColumns, "id;antenne_id", problems, (line, field) =>
        {
            var activeText = field("actif") ?? string.Empty;
            bool? active = activeText.ToLowerInvariant() switch
            {
                "oui" or "o" or "1" or "true" or "vrai" or "" => true,
                "non" or "n" or "0" or "false" or "faux" => false,
                _ => null,
            };
            if (active is null)
            {
                problems.Add(new CsvProblem(line, "actif", $"« {activeText} » n'est ni « oui » ni « non »"));
            }

            var id = field("id") ?? string.Empty;
            var phone = field("telephone");
            var territories = new Territories
            {
                Communes = CsvSheet.Split(field("communes_specifiques")),
                Epcis = CsvSheet.Split(field("epci_specifiques")),
                Departements = CsvSheet.Split(field("departements_specifiques")),
                Regions = CsvSheet.Split(field("regions_specifiques")),
            };
            lines.Add(line);
            advisors.Add(new Advisor
            {
                Id = id,
                AntennaId = field("antenne_id") ?? string.Empty,
                Name = field("nom") ?? string.Empty,
                Email = field("email") ?? string.Empty,
                Phone = string.IsNullOrWhiteSpace(phone) ? null : phone,
                Active = active ?? true,
                Subjects = CsvSheet.Split(field("sujets")),
                Territories = territories.IsEmpty ? null : territories,
                Filters = previous.TryGetValue(id, out var before) ? before.Filters : [],
            });
        });

        return readable ? (current with { Advisors = advisors }, problems, lines) : (null, problems, lines);
    }

    /// <summary>
    /// Where a validator's problem is in the spreadsheet: "advisors[3].antennaId" → line 5, column antenne_id.
    /// Null for a path that is not an advisor's (the rest of the directory is not in the file).
    /// </summary>
    public static CsvProblem? ProblemForPeople(DirectoryProblem problem, IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(lines);
        var match = AdvisorPath().Match(problem.Path);
        if (!match.Success || !int.TryParse(match.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) || index >= lines.Count)
        {
            return null;
        }

        return new CsvProblem(lines[index], ColumnOf(match), problem.Message);
    }

    private static string? ColumnOf(Match match) => match.Groups["field"].Value switch
    {
        "id" => "id",
        "antennaId" => "antenne_id",
        "name" => "nom",
        "email" => "email",
        "phone" => "telephone",
        "active" => "actif",
        "subjects" => "sujets",
        "territories" when match.Groups["rest"].Value.StartsWith(".communes", StringComparison.Ordinal) => "communes_specifiques",
        "territories" when match.Groups["rest"].Value.StartsWith(".epcis", StringComparison.Ordinal) => "epci_specifiques",
        "territories" when match.Groups["rest"].Value.StartsWith(".departements", StringComparison.Ordinal) => "departements_specifiques",
        "territories" when match.Groups["rest"].Value.StartsWith(".regions", StringComparison.Ordinal) => "regions_specifiques",
        _ => null,
    };

    [GeneratedRegex(@"^advisors\[(?<index>\d+)\](?:\.(?<field>[A-Za-z]+)(?<rest>.*))?$")]
    private static partial Regex AdvisorPath();


}
