using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The check of a held need (the <c>review</c> basket): <c>POST /api/admin/needs/{needId}/approve</c> dispatches it at
/// once to the advisors the routing finds now; <c>POST /api/admin/needs/{needId}/reject {"reason"}</c> closes it, the
/// company gets a short polite email and no advisor ever hears of it. Both only while held (409 otherwise; the same
/// decision twice answers with the need), both recorded in the need's history (<see cref="NeedState.Moderation"/>).
/// </summary>
public sealed class AdminModerationFunctions(
    OperatorAccess access,
    NeedWorkflow workflow,
    CurrentDirectory directory,
    ICompanyLookup companies,
    TimeProvider time)
{
    [Function("AdminApproveNeed")]
    public async Task<IResult> AdminApproveNeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/approve")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var operatorAccess = access.Check(request.Context());
        return operatorAccess.Refusal ?? await ApproveAsync(needId, operatorAccess.Subject!, client, cancellationToken);
    }

    [Function("AdminRejectNeed")]
    public Task<IResult> AdminRejectNeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/reject")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<RejectRequest>(request, (body, email) => RejectAsync(needId, body, email, client, cancellationToken), cancellationToken);

    private async Task<IResult> ApproveAsync(string needId, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        if (await workflow.LoadAsync(needId, ct) is not { } need)
        {
            return AdminNeedFunctions.NotFound();
        }

        if (directory.Snapshot is not { } snapshot)
        {
            return TypedResults.Problem(statusCode: 503, title: "Annuaire absent", detail: "Aucun annuaire n'est chargé pour le moment : réessayez dans quelques instants.");
        }

        // Routed as at submission (company facts from the cached lookup; none without a SIRET), on today's directory.
        // A need no longer held is not routed: the decider answers it as it is.
        var advisors = Array.Empty<RoutedAdvisor>() as IReadOnlyList<RoutedAdvisor>;
        if (need.IsHeld && need.SubjectId is { } subjectId)
        {
            var facts = need.Company.Siret is null ? null : (await companies.LookupAsync(need.Company.Siret, ct)).Facts;
            advisors = snapshot.Routing.Route(new RoutingRequest(subjectId, need.Company.CommuneCode, facts, ParisTime.Today(time.GetUtcNow())));
        }

        var outcome = await workflow.ApplyAsync(client, needId, new NeedApproved(operatorEmail, advisors), ct);
        return CommandResults.From(outcome, state => TypedResults.Ok(state), AdminNeedFunctions.NotFound(), "Validation impossible");
    }

    private async Task<IResult> RejectAsync(string needId, RejectRequest? request, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = ["Indiquez la raison du rejet (1 000 caractères au plus)"] },
                title: "Le besoin n'a pas été rejeté");
        }

        var outcome = await workflow.ApplyAsync(client, needId, new NeedRejected(operatorEmail, reason), ct);
        return CommandResults.From(outcome, state => TypedResults.Ok(state), AdminNeedFunctions.NotFound(), "Rejet impossible");
    }

    public sealed record RejectRequest(string? Reason);
}
