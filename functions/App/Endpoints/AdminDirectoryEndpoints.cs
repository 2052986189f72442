using System.Text.Json;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.DirectoryCsv;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class AdminDirectoryEndpoints
{
    public static IEndpointRouteBuilder MapAdminDirectoryEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/directory").AddEndpointFilter<OperatorAccessFilter>();
        admin.MapGet("/", Get).WithName("GetDirectory");
        admin.MapPut("/", PutAsync).WithName("PutDirectory");
        admin.MapGet("/advisors.csv", ExportCsv).WithName("ExportAdvisorsCsv");
        admin.MapPut("/advisors.csv", ImportCsvAsync).WithName("ImportAdvisorsCsv");
        return app;
    }

    private static Results<ContentHttpResult, NotFound<ProblemDetailsBody>> Get(CurrentDirectory directory) =>
        directory.Snapshot is { } snapshot
            ? TypedResults.Content(JsonSerializer.Serialize(snapshot.Document, DirectoryJson.Options), "application/json; charset=utf-8")
            : TypedResults.NotFound(new ProblemDetailsBody(404, "Annuaire absent", "Aucun annuaire n'a encore été enregistré."));

    /// <summary>
    /// Validates the WHOLE document first and lists every problem; stores nothing unless it is entirely valid.
    /// The body is read here rather than bound, so that malformed JSON gets a French message with its position.
    /// </summary>
    private static async Task<Results<Ok<DirectoryCounts>, ValidationProblem>> PutAsync(
        HttpRequest request, TerritoryIndex territories, TableDirectoryStore store, CurrentDirectory current, CancellationToken ct)
    {
        DirectoryDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<DirectoryDocument>(request.Body, DirectoryJson.Options, ct);
        }
        catch (JsonException e)
        {
            return Invalid("$", $"JSON illisible (ligne {e.LineNumber + 1}, position {e.BytePositionInLine + 1}) : vérifiez la syntaxe et les champs obligatoires (id, name…).");
        }

        return await ValidateAndStoreAsync(document, territories, store, current, ct);
    }

    /// <summary>Advisors as a spreadsheet (semicolon-separated, UTF-8 with BOM).</summary>
    private static Results<FileContentHttpResult, NotFound<ProblemDetailsBody>> ExportCsv(CurrentDirectory directory) =>
        directory.Snapshot is { } snapshot
            ? TypedResults.File(AdvisorCsv.Export(snapshot.Document), "text/csv; charset=utf-8", "conseillers.csv")
            : TypedResults.NotFound(new ProblemDetailsBody(404, "Annuaire absent", "Aucun annuaire n'a encore été enregistré."));

    /// <summary>Replaces the advisors from a spreadsheet; the rest of the directory (and each advisor's filters) is kept.</summary>
    private static async Task<Results<Ok<DirectoryCounts>, ValidationProblem>> ImportCsvAsync(
        HttpRequest request, TerritoryIndex territories, TableDirectoryStore store, CurrentDirectory current, CancellationToken ct)
    {
        if (current.Snapshot is not { } snapshot)
        {
            return Invalid("$", "Enregistrez d'abord un annuaire complet (JSON) : le CSV ne remplace que les conseillers.");
        }

        // CsvHelper reads synchronously; Kestrel forbids synchronous reads of the request, so buffer it first.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var (document, problems, lines) = AdvisorCsv.Import(body, snapshot.Document);
        if (document is null)
        {
            return TypedResults.ValidationProblem(problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "Les conseillers n'ont pas été enregistrés");
        }

        return await ValidateAndStoreAsync(document, territories, store, current, ct, path => AdvisorCsv.PathForPeople(path, lines));
    }

    /// <param name="pathForPeople">How a problem's JSON path is shown (the CSV import names spreadsheet lines instead).</param>
    private static async Task<Results<Ok<DirectoryCounts>, ValidationProblem>> ValidateAndStoreAsync(
        DirectoryDocument? document, TerritoryIndex territories, TableDirectoryStore store, CurrentDirectory current, CancellationToken ct,
        Func<string, string>? pathForPeople = null)
    {
        var problems = DirectoryValidator.Validate(document, territories);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(
                problems.GroupBy(p => pathForPeople?.Invoke(p.Path) ?? p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: $"L'annuaire n'a pas été enregistré : {problems.Count} problème(s) à corriger");
        }

        var version = await store.SaveAsync(document!, ct);
        current.Swap(version, document!); // This instance routes with it at once; others pick it up on their next poll.
        return TypedResults.Ok(new DirectoryCounts(version, document!.Themes.Count, document.Themes.Sum(t => t.Subjects.Count),
            document.Institutions.Count, document.Antennas.Count, document.Advisors.Count));
    }

    private static ValidationProblem Invalid(string path, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] }, title: "L'annuaire n'a pas été enregistré");

    public sealed record DirectoryCounts(string Version, int Themes, int Subjects, int Institutions, int Antennas, int Advisors);

    public sealed record ProblemDetailsBody(int Status, string Title, string Detail);
}
