using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>The advisor's routes, through the signed link of its emails: the need sheet, its positions and comments, its inbox.</summary>
public sealed class AdvisorFunctions(AdvisorAccess access, NeedWorkflow workflow, AdvisorInbox inbox)
{
    private const int MaxCommentLength = 4000;

    [Function("AdvisorNeedSheet")]
    public async Task<IResult> AdvisorNeedSheet(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "advisor/needs/{needId}")] HttpRequest request,
        string needId,
        CancellationToken cancellationToken)
    {
        var advisor = access.Check(request.Context());
        return advisor.Refusal ?? await GetSheetAsync(needId, advisor.Subject!, workflow, cancellationToken);
    }

    [Function("AdvisorPosition")]
    public Task<IResult> AdvisorPosition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "advisor/needs/{needId}/position")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<PositionRequest>(request, (body, advisorId) => ChangePositionAsync(needId, body, advisorId, client, cancellationToken), cancellationToken);

    [Function("AdvisorComment")]
    public Task<IResult> AdvisorComment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "advisor/needs/{needId}/comments")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<CommentRequest>(request, (body, advisorId) => CommentAsync(needId, body, advisorId, client, cancellationToken), cancellationToken);

    [Function("AdvisorInbox")]
    public async Task<IResult> AdvisorInbox(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "advisor/inbox")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var advisor = access.Check(request.Context());
        return advisor.Refusal ?? await InboxAsync(request.Query["tab"] is { Count: > 0 } tab ? tab.ToString() : null, advisor.Subject!, inbox, cancellationToken);
    }

    /// <summary>A need never opens for an advisor it was not sent to: 404, as if it did not exist.</summary>
    private static async Task<Results<Ok<NeedSheet>, ProblemHttpResult>> GetSheetAsync(string needId, string advisorId, NeedWorkflow workflow, CancellationToken ct)
    {
        var state = await workflow.LoadAsync(needId, ct);
        return state?.MatchOf(advisorId) is { } mine
            ? TypedResults.Ok(NeedSheet.For(state, mine))
            : NotFound();
    }

    private async Task<IResult> ChangePositionAsync(string needId, PositionRequest? request, string advisorId, DurableTaskClient client, CancellationToken ct)
    {
        if (!NeedJson.TryParseWireName<MatchStatus>(request?.Status, out var status) || status == MatchStatus.Expired)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = ["Position inconnue : taking_care, not_for_me, done, done_no_help, done_not_reachable ou quo"],
            });
        }

        if (request!.Comment is { Length: > MaxCommentLength })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["Le commentaire ne doit pas dépasser 4 000 caractères"] });
        }

        var position = new PositionChanged(advisorId, status, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
        return CommandResults.From(
            await workflow.ApplyAsync(client, needId, position, ct),
            state => TypedResults.Ok(NeedSheet.For(state, state.MatchOf(advisorId)!)),
            NotFound());
    }

    private async Task<IResult> CommentAsync(string needId, CommentRequest? request, string advisorId, DurableTaskClient client, CancellationToken ct)
    {
        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxCommentLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [string.IsNullOrEmpty(text) ? "Écrivez un commentaire" : "Le commentaire ne doit pas dépasser 4 000 caractères"],
            });
        }

        return CommandResults.From(
            await workflow.ApplyAsync(client, needId, CommentPosted.ByAdvisor(advisorId, text), ct),
            state => TypedResults.Created($"/api/advisor/needs/{needId}", NeedSheet.For(state, state.MatchOf(advisorId)!)),
            NotFound());
    }

    /// <summary>
    /// "Besoins reçus": the advisor's inbox projection, by tab. A row's status is the advisor's match status, or
    /// <c>cancelled</c> for a need an operator cancelled: such a row is listed with the expired ones (needs that ended
    /// without the advisor closing them), never in "inbox" nor "taking_care".
    /// </summary>
    private static async Task<Results<Ok<List<InboxRow>>, ValidationProblem>> InboxAsync(string? tab, string advisorId, AdvisorInbox inbox, CancellationToken ct)
    {
        string[]? statuses = (tab ?? "inbox") switch
        {
            "inbox" => ["quo"],
            "taking_care" => ["taking_care"],
            "done" => ["done", "done_no_help", "done_not_reachable"],
            "not_for_me" => ["not_for_me"],
            "expired" => ["expired", "cancelled"],
            _ => null,
        };
        if (statuses is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tab"] = ["Onglet inconnu : inbox, taking_care, done, not_for_me ou expired"] });
        }

        var entries = await inbox.OfAsync(advisorId, ct);
        return TypedResults.Ok(entries
            .Where(e => statuses.Contains(e.Status))
            .Select(e => new InboxRow(e.NeedId, e.Subject, e.CompanyName, e.CommuneName, e.SentAt, e.Status))
            .OrderByDescending(r => r.SentAt)
            .ToList());
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Besoin introuvable", detail: "Ce besoin n'existe pas ou ne vous a pas été transmis.");

    public sealed record PositionRequest(string? Status, string? Comment);

    public sealed record CommentRequest(string? Text);

    public sealed record InboxRow(string NeedId, string? Subject, string? CompanyName, string? CommuneName, DateTimeOffset SentAt, string? Status);
}
