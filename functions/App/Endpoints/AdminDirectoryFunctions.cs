using System.Text.Json;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The directory, for operators: as JSON (the whole document), its advisors and antennas as spreadsheets. A write is validated
/// whole and stored only when entirely valid, every problem listed (by JSON path, or by spreadsheet line and column).
/// </summary>
public sealed class AdminDirectoryFunctions(
    OperatorAccess operators,
    TerritoryIndex territories,
    TableDirectoryStore store,
    CurrentDirectory current)
{
    [Function("GetDirectory")]
    public IResult GetDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/directory")] HttpRequest request) =>
        operators.Check(request.Context()).Refusal
        ?? (current.Snapshot is { } snapshot
            ? TypedResults.Content(JsonSerializer.Serialize(snapshot.Document, DirectoryJson.Options), "application/json; charset=utf-8")
            : TypedResults.NotFound(new ProblemDetailsBody(404, "Annuaire absent", "Aucun annuaire n'a encore été enregistré.")));

    /// <summary>The body is read here rather than bound, so that malformed JSON gets a French message with its position.</summary>
    [Function("PutDirectory")]
    public async Task<IResult> PutDirectory(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/directory")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (operators.Check(request.Context()).Refusal is { } refusal)
        {
            return refusal;
        }

        DirectoryDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<DirectoryDocument>(request.Body, DirectoryJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return Invalid("$", $"JSON illisible (ligne {e.LineNumber + 1}, position {e.BytePositionInLine + 1}) : vérifiez la syntaxe et les champs obligatoires (id, name…).");
        }

        return await ValidateAndStoreAsync(document, cancellationToken);
    }

    /// <summary>Advisors as a spreadsheet (semicolon-separated, UTF-8 with BOM).</summary>
    [Function("ExportAdvisorsCsv")]
    public IResult ExportAdvisorsCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/directory/advisors.csv")] HttpRequest request) =>
        operators.Check(request.Context()).Refusal
        ?? (current.Snapshot is { } snapshot
            ? TypedResults.File(AdvisorCsv.Export(snapshot.Document), "text/csv; charset=utf-8", "conseillers.csv")
            : TypedResults.NotFound(new ProblemDetailsBody(404, "Annuaire absent", "Aucun annuaire n'a encore été enregistré.")));

    /// <summary>Replaces the advisors from a spreadsheet; the rest of the directory (and each advisor's filters) is kept.</summary>
    [Function("ImportAdvisorsCsv")]
    public Task<IResult> ImportAdvisorsCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/directory/advisors.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ImportSheetAsync(request, AdvisorCsv.Import, (p, lines, _) => AdvisorCsv.ProblemForPeople(p, lines), AdvisorCsv.ColumnOrder,
            "les conseillers", "Les conseillers n'ont pas été enregistrés", cancellationToken);

    /// <summary>Antennas as a spreadsheet (semicolon-separated, UTF-8 with BOM), beside the advisors'.</summary>
    [Function("ExportAntennasCsv")]
    public IResult ExportAntennasCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/directory/antennas.csv")] HttpRequest request) =>
        operators.Check(request.Context()).Refusal
        ?? (current.Snapshot is { } snapshot
            ? TypedResults.File(AntennaCsv.Export(snapshot.Document), "text/csv; charset=utf-8", "antennes.csv")
            : TypedResults.NotFound(new ProblemDetailsBody(404, "Annuaire absent", "Aucun annuaire n'a encore été enregistré.")));

    /// <summary>
    /// Replaces the antennas from a spreadsheet; the rest of the directory (and each antenna's filters) is kept, and the
    /// whole is validated again, so that an advisor whose antenna left the file is told too.
    /// </summary>
    [Function("ImportAntennasCsv")]
    public Task<IResult> ImportAntennasCsv(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/directory/antennas.csv")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ImportSheetAsync(request, AntennaCsv.Import, AntennaCsv.ProblemForPeople, AntennaCsv.ColumnOrder,
            "les antennes", "Les antennes n'ont pas été enregistrées", cancellationToken);

    /// <summary>
    /// One sheet's import: the file read into a copy of the current directory, then the whole validated, and every problem
    /// in one answer (those of the file itself and the validator's, each at its line and column); stored only when none.
    /// </summary>
    private async Task<IResult> ImportSheetAsync(
        HttpRequest request,
        Func<Stream, DirectoryDocument, (DirectoryDocument? Document, IReadOnlyList<CsvProblem> Problems, IReadOnlyList<int> Lines)> import,
        Func<DirectoryProblem, IReadOnlyList<int>, DirectoryDocument, CsvProblem?> problemForPeople,
        Func<string, int> columnOrder,
        string replaced,
        string notStored,
        CancellationToken cancellationToken)
    {
        if (operators.Check(request.Context()).Refusal is { } refusal)
        {
            return refusal;
        }

        if (current.Snapshot is not { } snapshot)
        {
            return Invalid("$", $"Enregistrez d'abord un annuaire complet (JSON) : le CSV ne remplace que {replaced}.");
        }

        // CsvHelper reads synchronously; Kestrel forbids synchronous reads of the request, so buffer it first.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var (document, fileProblems, lines) = import(body, snapshot.Document);
        var problems = fileProblems.ToList();
        if (document is not null)
        {
            problems.AddRange(DirectoryValidator.Validate(document, territories)
                .Select(p => problemForPeople(p, lines, document) ?? new CsvProblem(0, null, p.Message)));
        }

        if (problems.Count > 0)
        {
            return SheetProblems(problems, columnOrder, notStored);
        }

        return await StoreAsync(document!, cancellationToken);
    }

    /// <summary>Every problem of an imported sheet, by line then column as the sheet shows them (line 0, the directory's, first).</summary>
    private static ValidationProblem SheetProblems(List<CsvProblem> problems, Func<string, int> columnOrder, string notStored)
    {
        var ordered = problems
            .OrderBy(p => p.Line)
            .ThenBy(p => p.Column is null ? -1 : columnOrder(p.Column))
            .GroupBy(p => p.Place)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).Distinct(StringComparer.Ordinal).ToArray());
        // A detail of our own: the framework's default one speaks of JSON, which this file is not.
        return TypedResults.ValidationProblem(ordered,
            detail: "Corrigez le fichier aux lignes et colonnes indiquées, puis importez-le de nouveau : rien n'a été enregistré.",
            title: $"{notStored} : {problems.Count} problème{(problems.Count > 1 ? "s" : string.Empty)} à corriger dans le fichier");
    }

    private async Task<IResult> ValidateAndStoreAsync(DirectoryDocument? document, CancellationToken ct)
    {
        var problems = DirectoryValidator.Validate(document, territories);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: $"L'annuaire n'a pas été enregistré : {problems.Count} problème(s) à corriger");
        }

        return await StoreAsync(document!, ct);
    }

    private async Task<IResult> StoreAsync(DirectoryDocument document, CancellationToken ct)
    {
        var version = await store.SaveAsync(document, ct);
        current.Swap(version, document); // This instance routes with it at once; others pick it up on their next poll.
        return TypedResults.Ok(new DirectoryCounts(version, document.Themes.Count, document.Themes.Sum(t => t.Subjects.Count),
            document.Institutions.Count, document.Antennas.Count, document.Advisors.Count));
    }

    private static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] }, title: "L'annuaire n'a pas été enregistré");

    public sealed record DirectoryCounts(string Version, int Themes, int Subjects, int Institutions, int Antennas, int Advisors);

    public sealed record ProblemDetailsBody(int Status, string Title, string Detail);
}
