using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Storage.Directory;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// An advisor of the directory for operators: found by the search of "Ajouter un conseiller", seen with its open needs,
/// and, when it leaves, its open needs given to a colleague before it is deactivated.
/// </summary>
public sealed class AdminAdvisorFunctions(
    OperatorAccess operators,
    CurrentDirectory directory,
    TableDirectoryStore store,
    AdvisorInbox inbox,
    NeedWorkflow workflow,
    TerritoryIndex territories)
{
    /// <summary>The statuses of an advisor's inbox row that make the need still its to answer or to carry out.</summary>
    private static readonly string[] OpenStatuses = [NeedJson.WireName(MatchStatus.Quo), NeedJson.WireName(MatchStatus.TakingCare)];

    /// <summary><c>GET /api/admin/advisors?q=</c>: the active advisors matching the words (name, institution, antenna, territory, id).</summary>
    [Function("AdminSearchAdvisors")]
    public IResult AdminSearchAdvisors([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/advisors")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.Context()).Refusal is { } refusal)
        {
            return refusal;
        }

        var query = request.Query["q"].ToString();
        if (query.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["La recherche tient en 200 caractères au plus"] });
        }

        return directory.Snapshot is not { } snapshot
            ? NoDirectory()
            : TypedResults.Ok(AdvisorSearch.Search(snapshot.Document, territories, new AdvisorSearchRequest(null, null, new HashSet<string>(), new HashSet<string>(), query)));
    }

    /// <summary><c>GET /api/admin/advisors/{advisorId}</c>: who it is, whether active, and its open needs (no answer yet, or taken on).</summary>
    [Function("AdminAdvisor")]
    public async Task<IResult> AdminAdvisor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/advisors/{advisorId}")] HttpRequest request,
        string advisorId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operators.Check(request.Context()).Refusal is { } refusal)
        {
            return refusal;
        }

        if (directory.Snapshot is not { } snapshot)
        {
            return NoDirectory();
        }

        if (Describe(snapshot.Document, advisorId) is not { } advisor)
        {
            return UnknownAdvisor();
        }

        var open = (await OpenNeedsAsync(advisorId, cancellationToken))
            .Select(e => new OpenNeed(e.NeedId, e.Subject, e.CompanyName, e.CommuneName, e.Status, e.SentAt))
            .ToList();
        return TypedResults.Ok(advisor with { OpenNeeds = open });
    }

    /// <summary>
    /// <c>POST /api/admin/advisors/{advisorId}/reassign {"toAdvisorId"}</c>: each open need of the advisor (sent to it and
    /// neither closed by it, nor cancelled, nor abandoned) goes to the colleague through the need's workflow
    /// (<see cref="NeedReassigned"/>: the colleague gets the new-need email, the need's history says who from, who to and
    /// by whom); a need the colleague already has is left as it is, and told. Then the advisor is deactivated. A retry
    /// finds only the needs not reassigned yet (the others left its inbox), and each email goes out once (its effect key).
    /// </summary>
    [Function("AdminReassignAdvisor")]
    public Task<IResult> AdminReassignAdvisor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/advisors/{advisorId}/reassign")] HttpRequest request,
        string advisorId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        operators.Check(request.Context()).ThenAsync<ReassignRequest>(request, (body, email) => ReassignAsync(advisorId, body, email, client, cancellationToken), cancellationToken);

    private async Task<IResult> ReassignAsync(string advisorId, ReassignRequest? body, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        if (directory.Snapshot is not { } snapshot)
        {
            return NoDirectory();
        }

        var document = snapshot.Document;
        if (document.Advisors.FirstOrDefault(a => a.Id == advisorId) is null)
        {
            return UnknownAdvisor();
        }

        var toAdvisorId = body?.ToAdvisorId?.Trim();
        var colleague = string.IsNullOrEmpty(toAdvisorId) ? null : document.Advisors.FirstOrDefault(a => a.Id == toAdvisorId);
        string? problem = toAdvisorId switch
        {
            null or "" => "Choisissez le collègue qui reprend les besoins",
            _ when toAdvisorId == advisorId => "Le collègue qui reprend les besoins ne peut pas être le conseiller qui part",
            _ when colleague is null => $"Conseiller « {toAdvisorId} » inconnu",
            _ when !colleague.Active => $"{colleague.Name} est inactif : choisissez un collègue actif",
            _ => null,
        };
        if (problem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["toAdvisorId"] = [problem] },
                detail: "Rien n'a été réattribué.", title: "Les besoins n'ont pas été réattribués");
        }

        var to = Routed(document, colleague!);
        var reassigned = new List<string>();
        var skipped = new List<SkippedNeed>();
        foreach (var entry in await OpenNeedsAsync(advisorId, ct))
        {
            var outcome = await workflow.ApplyAsync(client, entry.NeedId, new NeedReassigned(operatorEmail, advisorId, to), ct);
            switch (outcome)
            {
                case { Unanswered: true }:
                    // Nothing is lost: what was decided stays, a retry goes on from there. The advisor stays active meanwhile.
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service momentanément indisponible",
                        detail: $"{reassigned.Count} besoin(s) réattribué(s) ; le besoin {entry.NeedId} n'a pas encore répondu. Réessayez dans quelques instants : rien ne sera fait deux fois.");
                case { Rejection: null, State: not null }:
                    reassigned.Add(entry.NeedId);
                    break;
                case { Rejection.Code: RejectionCode.UnknownAdvisor } or { State: null }:
                    break; // Already given to someone (an earlier try), or gone: nothing more to do for it.
                case { Rejection: { } rejection }:
                    skipped.Add(new SkippedNeed(entry.NeedId, entry.Subject, entry.CompanyName, rejection.Message));
                    break;
            }
        }

        var deactivated = false;
        var current = directory.Snapshot ?? snapshot;
        if (current.Document.Advisors.FirstOrDefault(a => a.Id == advisorId) is { Active: true })
        {
            var next = current.Document with
            {
                Advisors = [.. current.Document.Advisors.Select(a => a.Id == advisorId ? a with { Active = false } : a)],
            };
            var version = await store.SaveAsync(next, ct);
            directory.Swap(version, next); // Routed with at once here; other instances pick it up on their next poll.
            deactivated = true;
        }

        return TypedResults.Ok(new ReassignResult(advisorId, to.AdvisorId, reassigned, skipped, deactivated));
    }

    private async Task<List<InboxEntry>> OpenNeedsAsync(string advisorId, CancellationToken ct) =>
        [.. (await inbox.OfAsync(advisorId, ct)).Where(e => OpenStatuses.Contains(e.Status, StringComparer.Ordinal)).OrderBy(e => e.SentAt)];

    private static AdvisorView? Describe(DirectoryDocument document, string advisorId)
    {
        if (document.Advisors.FirstOrDefault(a => a.Id == advisorId) is not { } advisor)
        {
            return null;
        }

        var routed = Routed(document, advisor);
        return new AdvisorView(advisor.Id, advisor.Name, advisor.Email, routed.InstitutionName, routed.AntennaName, advisor.Active);
    }

    /// <summary>An advisor of a valid directory (its antenna and institution exist: the validator saw to it).</summary>
    private static RoutedAdvisor Routed(DirectoryDocument document, Advisor advisor)
    {
        var antenna = document.Antennas.First(a => a.Id == advisor.AntennaId);
        var institution = document.Institutions.First(i => i.Id == antenna.InstitutionId);
        return new RoutedAdvisor(advisor.Id, advisor.Name, advisor.Email, institution.Id, institution.Name, antenna.Id, antenna.Name);
    }

    private static ProblemHttpResult UnknownAdvisor() =>
        TypedResults.Problem(statusCode: 404, title: "Conseiller introuvable", detail: "Ce conseiller n'est pas dans l'annuaire.");

    private static ProblemHttpResult NoDirectory() =>
        TypedResults.Problem(statusCode: 503, title: "Annuaire absent", detail: "Aucun annuaire n'est chargé pour le moment.");

    public sealed record ReassignRequest(string? ToAdvisorId);

    /// <param name="Reassigned">The needs given to the colleague by this call.</param>
    /// <param name="Skipped">Open needs left as they were (the colleague already had them, or they closed meanwhile), with why.</param>
    /// <param name="Deactivated">True when this call deactivated the advisor (false when it already was).</param>
    public sealed record ReassignResult(string AdvisorId, string ToAdvisorId, IReadOnlyList<string> Reassigned, IReadOnlyList<SkippedNeed> Skipped, bool Deactivated);

    public sealed record SkippedNeed(string NeedId, string? Subject, string? CompanyName, string Reason);

    public sealed record AdvisorView(string AdvisorId, string Name, string Email, string Institution, string Antenna, bool Active)
    {
        public IReadOnlyList<OpenNeed> OpenNeeds { get; init; } = [];
    }

    public sealed record OpenNeed(string NeedId, string? Subject, string? CompanyName, string? CommuneName, string Status, DateTimeOffset SentAt);
}
