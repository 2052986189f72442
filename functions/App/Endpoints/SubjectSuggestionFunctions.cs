using ConseillersEntreprises.App.Directory;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/subjects/suggest?q=</c>: at most 5 subjects of the current catalogue for a need written in everyday words,
/// best first. A missing or blank <c>q</c> answers <c>[]</c>, not a 400: the home page's combobox asks as the person
/// types, and an emptied field simply has no suggestion. No storage is read: the index lives with the directory snapshot.
/// </summary>
public sealed class SubjectSuggestionFunctions(CurrentDirectory directory, PublicRateLimiter limits)
{
    public const int MaxQueryLength = 200;

    [Function("SuggestSubjects")]
    public IResult Suggest([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "subjects/suggest")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (limits.Refusal(RateLimitPolicy.Public, request) is { } refused)
        {
            return refused;
        }

        var q = request.Query["q"].ToString();
        if (q.Length > MaxQueryLength)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["q"] = [$"Décrivez votre besoin en {MaxQueryLength} caractères au plus pour recevoir des suggestions ({q.Length} reçus)."] },
                title: "Recherche trop longue");
        }

        var suggestions = directory.Snapshot?.Suggestions.Suggest(q) ?? [];
        return TypedResults.Ok(suggestions.Select(s => new SubjectSuggestionDto(s.SubjectId, s.Label, s.ThemeId, s.ThemeLabel)).ToList());
    }

    public sealed record SubjectSuggestionDto(string SubjectId, string Label, string ThemeId, string ThemeLabel);
}
