using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Needs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>The company's follow-up of its need, through the signed link of its confirmation email (one need per link).</summary>
public sealed class CompanyNeedFunctions(CompanyAccess access, NeedWorkflow workflow)
{
    private const int MaxSatisfactionCommentLength = 2000;

    [Function("CompanyNeed")]
    public async Task<IResult> CompanyNeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "company/needs/{needId}")] HttpRequest request,
        string needId,
        CancellationToken cancellationToken) =>
        access.Check(request.Context(), needId).Refusal ?? await GetAsync(needId, workflow, cancellationToken);

    [Function("CompanySatisfaction")]
    public Task<IResult> CompanySatisfaction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "company/needs/{needId}/satisfaction")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context(), needId).ThenAsync<SatisfactionRequest>(
            request, (body, _) => GiveSatisfactionAsync(needId, body, client, cancellationToken), cancellationToken);

    /// <summary>What the company may know: the status, which institutions took its need on; never advisors' positions in detail.</summary>
    private static async Task<Results<Ok<CompanyNeedView>, ProblemHttpResult>> GetAsync(string needId, NeedWorkflow workflow, CancellationToken ct) =>
        await workflow.LoadAsync(needId, ct) is { } state ? TypedResults.Ok(CompanyNeedView.Of(state)) : NotFound();

    /// <summary>The satisfaction survey's answer, from the follow-up page the survey email opens. A new answer replaces the last.</summary>
    private async Task<IResult> GiveSatisfactionAsync(string needId, SatisfactionRequest? request, DurableTaskClient client, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!NeedJson.TryParseWireName<SatisfactionHelped>(request?.Helped, out var helped))
        {
            errors["helped"] = ["Indiquez si l'accompagnement vous a aidé : oui, en partie ou non"];
        }

        if (request?.Comment is { Length: > MaxSatisfactionCommentLength })
        {
            errors["comment"] = ["Le commentaire ne doit pas dépasser 2 000 caractères"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return CommandResults.From(
            await workflow.ApplyAsync(client, needId, new SatisfactionGiven(helped, request!.Comment), ct),
            state => TypedResults.Ok(CompanyNeedView.Of(state)),
            NotFound(),
            refusedTitle: "Avis impossible pour le moment");
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Demande introuvable", detail: "Cette demande n'existe pas.");

    public sealed record SatisfactionRequest(string? Helped, string? Comment);

    public sealed record CompanyNeedView(
        string NeedId,
        string Subject,
        DateTimeOffset CreatedAt,
        string Status,
        IReadOnlyList<string> Institutions,
        IReadOnlyList<TakenOnDto> TakenOnBy,
        SatisfactionDto? Satisfaction,
        bool CanGiveSatisfaction)
    {
        public static CompanyNeedView Of(NeedState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            var takenOn = state.Matches
                .Where(m => m.Status is MatchStatus.TakingCare or MatchStatus.Done or MatchStatus.DoneNoHelp or MatchStatus.DoneNotReachable)
                .Select(m => new TakenOnDto(m.InstitutionName, m.AdvisorName, m.TakenOnAt)
                {
                    // An advisor who closed the need (or whose need was cancelled) is no longer "taking care since…".
                    ClosedAt = m.Status == MatchStatus.TakingCare && !state.IsCancelled ? null : m.ClosedAt,
                })
                .ToList();
            // The need status (cancelled and abandoned included: never "not_for_me" for those), or "unrouted" while the
            // team looks for an advisor.
            var status = state.IsUnrouted && !state.IsCancelled ? "unrouted" : NeedJson.WireName(state.Status);
            return new CompanyNeedView(
                state.NeedId,
                state.SubjectLabel,
                state.CreatedAt,
                status,
                [.. state.Matches.Select(m => m.InstitutionName).Distinct(StringComparer.Ordinal)],
                takenOn,
                state.Satisfaction is { } s ? new SatisfactionDto(NeedJson.WireName(s.Helped), s.Comment, s.At) : null,
                state.CanGiveSatisfaction)
            {
                AdvisorCount = state.Matches.Count,
            };
        }

        /// <summary>How many advisors the need was sent to, so that the page says "un conseiller" or "des conseillers".</summary>
        public int AdvisorCount { get; init; }
    }

    public sealed record TakenOnDto(string Institution, string AdvisorName, DateTimeOffset? TakenOnAt)
    {
        /// <summary>When that advisor closed the need (with or without help); null while it takes care of it.</summary>
        public DateTimeOffset? ClosedAt { get; init; }
    }

    public sealed record SatisfactionDto(string Helped, string? Comment, DateTimeOffset At);
}
