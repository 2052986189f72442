namespace ConseillersEntreprises.App.DirectoryCsv;

/// <summary>One problem of an imported spreadsheet, where a person finds it: the file's line and, when known, the column.</summary>
/// <param name="Line">1 is the header; 0 for a problem of the directory outside the file (its antennas, its catalogue).</param>
/// <param name="Column">The column's header (e.g. <c>antenne_id</c>), or null for the whole line.</param>
/// <param name="Message">French, about the spreadsheet's value.</param>
public sealed record CsvProblem(int Line, string? Column, string Message)
{
    /// <summary>The key of the problem in the 400 answer: "ligne 5, colonne antenne_id" or "ligne 5".</summary>
    public string Place => Line == 0 ? "annuaire" : Column is null ? $"ligne {Line}" : $"ligne {Line}, colonne {Column}";
}
