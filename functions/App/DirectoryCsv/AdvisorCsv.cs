using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Directory;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// The advisors of the directory as CSV for people (spreadsheets): semicolon-separated, UTF-8 with BOM so that
/// Excel shows accents. Routing filters stay in the JSON document: an import keeps each advisor's existing filters.
/// </summary>
public static partial class AdvisorCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        HeaderValidated = null,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
    };

    public static byte[] Export(DirectoryDocument directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var antennas = directory.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var institutions = directory.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.WriteRecords(directory.Advisors.Select(a =>
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
                    Communes = Join(a.Territories?.Communes),
                    Epcis = Join(a.Territories?.Epcis),
                    Departements = Join(a.Territories?.Departements),
                    Regions = Join(a.Territories?.Regions),
                };
            }));
        }

        return buffer.ToArray();
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
        var badDataRows = new HashSet<int>();
        var configuration = Configuration with
        {
            // A stray quote is told with its line, and reading goes on (CsvHelper's default throws at the first).
            BadDataFound = args =>
            {
                var row = args.Context.Parser?.Row ?? 0;
                if (badDataRows.Add(row))
                {
                    problems.Add(new CsvProblem(row, null, "Guillemet mal placé : une valeur qui contient « ; » ou « \" » doit être entre guillemets, ses guillemets doublés"));
                }
            },
        };
        using var reader = new StreamReader(csvStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header || header.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new CsvProblem(1, null, "Le fichier est vide : gardez la ligne d'en-tête du fichier téléchargé (id;antenne_id;…)"));
            return (null, problems, lines);
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var missing in RequiredColumns.Where(c => !columns.Contains(c)))
        {
            problems.Add(new CsvProblem(1, missing, $"Colonne « {missing} » absente de la ligne d'en-tête : séparez les colonnes par « ; » et gardez l'en-tête du fichier téléchargé"));
        }

        if (problems.Count > 0)
        {
            return (null, problems, lines);
        }

        while (csv.Read())
        {
            var line = csv.Parser.Row;
            if (csv.Parser.Count != columns.Count)
            {
                // Values would land in the wrong columns: told once for the line, and the line is not read further.
                problems.Add(new CsvProblem(line, null,
                    $"La ligne a {csv.Parser.Count} colonne(s) alors que l'en-tête en a {columns.Count} : vérifiez les « ; » (une valeur qui en contient doit être entre guillemets)"));
                continue;
            }

            string? Field(string name) => columns.IndexOf(name) is var i and >= 0 ? csv.GetField(i)?.Trim() : null;
            var activeText = Field("actif") ?? string.Empty;
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

            var id = Field("id") ?? string.Empty;
            var phone = Field("telephone");
            var territories = new Territories
            {
                Communes = Split(Field("communes_specifiques")),
                Epcis = Split(Field("epci_specifiques")),
                Departements = Split(Field("departements_specifiques")),
                Regions = Split(Field("regions_specifiques")),
            };
            lines.Add(line);
            advisors.Add(new Advisor
            {
                Id = id,
                AntennaId = Field("antenne_id") ?? string.Empty,
                Name = Field("nom") ?? string.Empty,
                Email = Field("email") ?? string.Empty,
                Phone = string.IsNullOrWhiteSpace(phone) ? null : phone,
                Active = active ?? true,
                Subjects = Split(Field("sujets")),
                Territories = territories.IsEmpty ? null : territories,
                Filters = previous.TryGetValue(id, out var before) ? before.Filters : [],
            });
        }

        return (current with { Advisors = advisors }, problems, lines);
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

    private static string? Join(List<string>? values) => values is { Count: > 0 } ? string.Join('|', values) : null;

    private static List<string> Split(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : [.. values.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
