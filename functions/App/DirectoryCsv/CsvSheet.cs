using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>
/// What every CSV of the service shares (the directory's sheets <see cref="AdvisorCsv"/> and <see cref="AntennaCsv"/>, the
/// stats, the coverage, the annual report): semicolon-separated,
/// UTF-8 with BOM so that Excel shows accents, lists separated by "|", and a reading that goes through the whole file
/// whatever it holds, collecting every problem of the file itself with its line (a stray quote, a line with too many or
/// too few columns, a missing required column), so that an import tells everything at once.
/// </summary>
public static class CsvSheet
{
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        Delimiter = ";",
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
        HeaderValidated = null,
        PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
    };

    /// <summary>The sheet as a download: UTF-8 with BOM, a header from the row type's names (CsvHelper <c>[Name]</c>).</summary>
    public static byte[] Write<TRow>(IEnumerable<TRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.WriteRecords(rows);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads every line of a sheet, handing each well-formed one to <paramref name="readLine"/> with its line number and
    /// a reader of its fields by column name (trimmed; null for a column the header lacks). Problems of the file go to
    /// <paramref name="problems"/>; a line with the wrong number of columns is told once and not read further (its values
    /// would land in the wrong columns).
    /// </summary>
    /// <param name="headerStart">The start of the expected header, for the empty-file message (e.g. "id;antenne_id").</param>
    /// <returns>False when the header is empty, unreadable or lacks a required column: the lines cannot be read then.</returns>
    public static bool Read(
        Stream csvStream,
        IReadOnlyCollection<string> requiredColumns,
        string headerStart,
        List<CsvProblem> problems,
        Action<int, Func<string, string?>> readLine)
    {
        ArgumentNullException.ThrowIfNull(requiredColumns);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(readLine);
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
            problems.Add(new CsvProblem(1, null, $"Le fichier est vide : gardez la ligne d'en-tête du fichier téléchargé ({headerStart};…)"));
            return false;
        }

        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var missing in requiredColumns.Where(c => !columns.Contains(c)))
        {
            problems.Add(new CsvProblem(1, missing, $"Colonne « {missing} » absente de la ligne d'en-tête : séparez les colonnes par « ; » et gardez l'en-tête du fichier téléchargé"));
        }

        if (problems.Count > 0)
        {
            return false;
        }

        while (csv.Read())
        {
            var line = csv.Parser.Row;
            if (csv.Parser.Count != columns.Count)
            {
                problems.Add(new CsvProblem(line, null,
                    $"La ligne a {csv.Parser.Count} colonne(s) alors que l'en-tête en a {columns.Count} : vérifiez les « ; » (une valeur qui en contient doit être entre guillemets)"));
                continue;
            }

            readLine(line, name => columns.IndexOf(name) is var i and >= 0 ? csv.GetField(i)?.Trim() : null);
        }

        return true;
    }

    /// <summary>A list as one cell ("a|b"); null when empty.</summary>
    public static string? Join(IReadOnlyCollection<string>? values) => values is { Count: > 0 } ? string.Join('|', values) : null;

    /// <summary>One cell as a list: "a | b|" → [a, b].</summary>
    public static List<string> Split(string? values) =>
        string.IsNullOrWhiteSpace(values) ? [] : [.. values.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
