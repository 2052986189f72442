using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>The operators' quality follow-up: baskets of needs, and the actions on a need (comment, add an advisor, cancel).</summary>
public sealed class AdminNeedFunctions(
    OperatorAccess access,
    OperatorBaskets baskets,
    NeedSearchIndex needSearch,
    NeedWorkflow workflow,
    CurrentDirectory directory,
    TerritoryIndex territories,
    TimeProvider time)
{
    [Function("AdminBasket")]
    public async Task<IResult> AdminBasket(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/baskets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? await BasketAsync(name, baskets, workflow, cancellationToken);

    /// <summary>
    /// <c>GET /api/admin/needs?q=</c>: the needs matching a company name (partial), a SIRET, a contact email or a need id,
    /// most recent first, at most <see cref="NeedSearch.MaxResults"/>.
    /// </summary>
    [Function("AdminSearchNeeds")]
    public async Task<IResult> AdminSearchNeeds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/needs")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? await SearchNeedsAsync(request.Query["q"].ToString(), cancellationToken);

    [Function("AdminNeed")]
    public async Task<IResult> AdminNeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/needs/{needId}")] HttpRequest request,
        string needId,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? await NeedAsync(needId, workflow, cancellationToken);

    [Function("AdminComment")]
    public Task<IResult> AdminComment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/comments")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<AdvisorFunctions.CommentRequest>(request, (body, email) => CommentAsync(needId, body, email, client, cancellationToken), cancellationToken);

    [Function("AdminAddAdvisor")]
    public Task<IResult> AdminAddAdvisor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/advisors")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<AddAdvisorRequest>(request, (body, email) => AddAdvisorAsync(needId, body, email, client, cancellationToken), cancellationToken);

    /// <summary>
    /// <c>GET /api/admin/needs/{needId}/advisor-candidates?q=</c>: the advisors an operator may add to the need, searched
    /// by name, institution, antenna, territory or id (<see cref="AdvisorSearch"/>); without <c>q</c>, those the routing
    /// keeps for the need's subject and commune and those covering its département. Advisors already on it are left out.
    /// </summary>
    [Function("AdminAdvisorCandidates")]
    public async Task<IResult> AdminAdvisorCandidates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/needs/{needId}/advisor-candidates")] HttpRequest request,
        string needId,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? await AdvisorCandidatesAsync(needId, request.Query["q"].ToString(), cancellationToken);

    [Function("AdminCancel")]
    public Task<IResult> AdminCancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/cancel")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<CancelRequest>(request, (body, email) => CancelAsync(needId, body, email, client, cancellationToken), cancellationToken);


    /// <summary>At most this many needs per basket answer, the most recent first.</summary>
    private const int MaxBasketRows = 200;

    /// <summary>
    /// The needs of a basket that still need the operators (<see cref="OperatorBasketRules"/>), most recent first, with
    /// what identifies them at a glance. Each row's need is read (point reads, a few at a time): operators' pages are
    /// rare next to the workflow, which therefore never pays for emptying baskets.
    /// </summary>
    private static async Task<Results<Ok<List<BasketRow>>, ProblemHttpResult>> BasketAsync(
        string name, OperatorBaskets baskets, NeedWorkflow workflow, CancellationToken ct)
    {
        if (!NeedJson.TryParseWireName<OperatorBasket>(name, out var basket))
        {
            return TypedResults.Problem(statusCode: 404, title: "Corbeille inconnue",
                detail: "Corbeilles : unrouted, no_answer, last_chance, refused, abandoned, review.");
        }

        var rows = (await baskets.OfAsync(NeedJson.WireName(basket), ct))
            .Select(e => (e.NeedId, Reason: (string?)e.Reason, e.At))
            .OrderByDescending(r => r.At)
            .ToList();
        var kept = new List<BasketRow>();
        foreach (var chunk in rows.Chunk(8))
        {
            var states = await Task.WhenAll(chunk.Select(r => workflow.LoadAsync(r.NeedId, ct)));
            kept.AddRange(chunk.Zip(states)
                .Where(p => p.Second is { } state && OperatorBasketRules.StillApplies(basket, state))
                .Select(p => new BasketRow(p.First.NeedId, p.First.Reason, p.First.At)
                {
                    Subject = p.Second!.SubjectLabel,
                    CompanyName = p.Second.Company.Name,
                    CommuneName = p.Second.Company.CommuneName,
                }));
            if (kept.Count >= MaxBasketRows)
            {
                break;
            }
        }

        return TypedResults.Ok(kept.Take(MaxBasketRows).ToList());
    }

    private static async Task<Results<Ok<NeedState>, ProblemHttpResult>> NeedAsync(string needId, NeedWorkflow workflow, CancellationToken ct) =>
        await workflow.LoadAsync(needId, ct) is { } state ? TypedResults.Ok(state) : NotFound();

    private async Task<IResult> CommentAsync(string needId, AdvisorFunctions.CommentRequest? request, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        var text = request?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 4000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["Écrivez un commentaire de 4 000 caractères au plus"] });
        }

        return Outcome(await workflow.ApplyAsync(client, needId, CommentPosted.ByOperator(operatorEmail, text), ct));
    }

    /// <summary>
    /// A partial name reads the word partitions starting with the query's longest word, up to this many rows, before the
    /// other words and the date order are applied: a two-letter prefix of a common word stops here rather than read a year.
    /// </summary>
    private const int MaxNameRowsRead = 1000;

    private async Task<IResult> SearchNeedsAsync(string? text, CancellationToken ct)
    {
        if (text is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["La recherche tient en 200 caractères au plus"] });
        }

        if (NeedSearch.Parse(text) is not { } query || (query.Key is null && query.NeedId is null && query.Words.Count == 0))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = ["Saisissez le nom de l'entreprise (2 lettres au moins), son SIRET, l'adresse email du contact ou l'identifiant du besoin"],
            }, detail: "Précisez la recherche.", title: "Recherche de besoins impossible");
        }

        var found = new List<NeedSearchRow>();
        if (query.NeedId is not null && await workflow.LoadAsync(query.NeedId, ct) is { } byId)
        {
            found.Add(NeedSearchRow.Of(byId));
        }

        if (query.Key is not null)
        {
            found.AddRange((await needSearch.ByKeyAsync(query.Key, NeedSearch.MaxResults, ct)).Select(NeedSearchRow.Of));
        }
        else if (query.Words.Count > 0)
        {
            var rows = await needSearch.ByPrefixAsync(NeedSearch.WordPrefix + query.Words[0], MaxNameRowsRead, ct);
            found.AddRange(rows.Where(r => NeedSearch.NameMatches(query.Words, r.NameWords)).Select(NeedSearchRow.Of));
        }

        return TypedResults.Ok(found
            .DistinctBy(r => r.NeedId, StringComparer.Ordinal)
            .OrderByDescending(r => r.CreatedAt)
            .Take(NeedSearch.MaxResults)
            .ToList());
    }

    private async Task<IResult> AdvisorCandidatesAsync(string needId, string? query, CancellationToken ct)
    {
        if (query is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["La recherche tient en 200 caractères au plus"] });
        }

        if (await workflow.LoadAsync(needId, ct) is not { } state)
        {
            return NotFound();
        }

        if (directory.Snapshot is not { } snapshot)
        {
            return TypedResults.Problem(statusCode: 503, title: "Annuaire absent", detail: "Aucun annuaire n'est chargé pour le moment.");
        }

        // "Kept by the routing" as the explanation says it for the need's subject and commune.
        // A need outside the catalogue has no subject to route on: nobody is kept, the département still ranks first.
        var kept = state.SubjectId is null
            ? []
            : snapshot.Routing.Route(new RoutingRequest(state.SubjectId, state.Company.CommuneCode, null, ParisTime.Today(time.GetUtcNow())))
                .Select(a => a.AdvisorId)
                .ToHashSet(StringComparer.Ordinal);
        var onNeed = state.Matches.Select(m => m.AdvisorId).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(AdvisorSearch.Search(snapshot.Document, territories,
            new AdvisorSearchRequest(state.SubjectId, state.Company.CommuneCode, kept, onNeed, query)));
    }

    private async Task<IResult> AddAdvisorAsync(string needId, AddAdvisorRequest? request, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        var advisor = directory.Snapshot?.Document.Advisors.FirstOrDefault(a => a.Id == request?.AdvisorId && a.Active);
        var antenna = advisor is null ? null : directory.Snapshot!.Document.Antennas.First(a => a.Id == advisor.AntennaId);
        var institution = antenna is null ? null : directory.Snapshot!.Document.Institutions.First(i => i.Id == antenna.InstitutionId);
        if (advisor is null || antenna is null || institution is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["advisorId"] = ["Conseiller inconnu ou inactif"] });
        }

        var routed = new Core.Routing.RoutedAdvisor(advisor.Id, advisor.Name, advisor.Email, institution.Id, institution.Name, antenna.Id, antenna.Name);
        return Outcome(await workflow.ApplyAsync(client, needId, new AdvisorAdded(operatorEmail, routed), ct));
    }

    private async Task<IResult> CancelAsync(string needId, CancelRequest? request, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Indiquez la raison de l'annulation"] });
        }

        return Outcome(await workflow.ApplyAsync(client, needId, new NeedCancelled(operatorEmail, reason), ct));
    }

    /// <summary>Operators see the whole need after their action.</summary>
    private static IResult Outcome(WorkflowOutcome outcome) => CommandResults.From(outcome, state => TypedResults.Ok(state), NotFound());

    /// <summary>The operators' answer for a need that does not exist (every route under admin/needs/{id}).</summary>
    internal static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: 404, title: "Besoin introuvable", detail: "Ce besoin n'existe pas.");

    /// <summary>One need found by the operators' search.</summary>
    public sealed record NeedSearchRow(string NeedId, DateTimeOffset CreatedAt, string? Subject, string? CompanyName, string? Siret, string? CommuneName, string? ContactEmail)
    {
        public static NeedSearchRow Of(NeedSearchEntry e) => new(e.NeedId, e.CreatedAt, e.Subject, e.CompanyName, e.Siret, e.CommuneName, e.ContactEmail);

        public static NeedSearchRow Of(NeedState s) =>
            new(s.NeedId, s.CreatedAt, s.SubjectLabel, s.Company.Name, s.Company.Siret, s.Company.CommuneName, s.Contact.Email);
    }

    public sealed record BasketRow(string NeedId, string? Reason, DateTimeOffset At)
    {
        public string? Subject { get; init; }

        public string? CompanyName { get; init; }

        public string? CommuneName { get; init; }
    }

    public sealed record AddAdvisorRequest(string? AdvisorId);

    public sealed record CancelRequest(string? Reason);
}
