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

    /// <summary>
    /// Reads advisors from CSV into a copy of <paramref name="current"/> (catalogue, institutions and antennas kept).
    /// Problems of the file itself are returned with their line number; the result still goes through the validator.
    /// </summary>
    /// <returns>
    /// The document (null when the file itself has problems), those problems, and the file's line of each advisor
    /// (<c>Lines[i]</c> for <c>advisors[i]</c>), so that the validator's problems can be told as spreadsheet lines.
    /// </returns>
    public static (DirectoryDocument? Document, IReadOnlyList<DirectoryProblem> Problems, IReadOnlyList<int> Lines) Import(Stream csvStream, DirectoryDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<DirectoryProblem>();
        var previous = current.Advisors.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var advisors = new List<Advisor>();
        var lines = new List<int>();
        using var reader = new StreamReader(csvStream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, Configuration);
        try
        {
            foreach (var row in csv.GetRecords<AdvisorCsvRow>())
            {
                var line = csv.Context.Parser?.Row ?? 0;
                bool? active = row.Active.Trim().ToLowerInvariant() switch
                {
                    "oui" or "o" or "1" or "true" or "vrai" or "" => true,
                    "non" or "n" or "0" or "false" or "faux" => false,
                    _ => null,
                };
                if (active is null)
                {
                    problems.Add(new DirectoryProblem($"ligne {line}", $"Colonne « actif » : « {row.Active} » n'est ni oui ni non"));
                }

                lines.Add(line);
                var territories = new Territories { Communes = Split(row.Communes), Epcis = Split(row.Epcis), Departements = Split(row.Departements), Regions = Split(row.Regions) };
                advisors.Add(new Advisor
                {
                    Id = row.Id,
                    AntennaId = row.AntennaId,
                    Name = row.Name,
                    Email = row.Email,
                    Phone = string.IsNullOrWhiteSpace(row.Phone) ? null : row.Phone,
                    Active = active ?? true,
                    Subjects = Split(row.Subjects),
                    Territories = territories.IsEmpty ? null : territories,
                    Filters = previous.TryGetValue(row.Id, out var before) ? before.Filters : [],
                });
            }
        }
        catch (CsvHelperException e)
        {
            problems.Add(new DirectoryProblem($"ligne {e.Context?.Parser?.Row ?? 0}", "Fichier CSV illisible : séparez les colonnes par « ; » et gardez la ligne d'en-tête."));
        }

        return problems.Count > 0 ? (null, problems, lines) : (current with { Advisors = advisors }, problems, lines);
    }

    /// <summary>
    /// "advisors[3].antennaId" → "ligne 5, colonne antenne_id": where a person finds the problem in the spreadsheet.
    /// Paths that are not an advisor's stay as they are.
    /// </summary>
    public static string PathForPeople(string path, IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(lines);
        var match = AdvisorPath().Match(path);
        if (!match.Success || !int.TryParse(match.Groups["index"].Value, CultureInfo.InvariantCulture, out var index) || index >= lines.Count)
        {
            return path;
        }

        var column = match.Groups["field"].Value switch
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
        return column is null ? $"ligne {lines[index]}" : $"ligne {lines[index]}, colonne {column}";
    }

    [GeneratedRegex(@"^advisors\[(?<index>\d+)\](?:\.(?<field>[A-Za-z]+)(?<rest>.*))?$")]
    private static partial Regex AdvisorPath();

    private static string? Join(List<string>? values) => values is { Count: > 0 } ? string.Join('|', values) : null;

    private static List<string> Split(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : [.. values.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
