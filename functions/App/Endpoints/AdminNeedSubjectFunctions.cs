using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>POST /api/admin/needs/{needId}/subject</c>: an operator chooses the subject of a need outside the catalogue (or of
/// one the routing found nobody for), and the need goes to the advisors the routing finds for that subject, as at
/// submission. Recorded in the need's history (<see cref="NeedState.SubjectChoice"/>).
/// </summary>
public sealed class AdminNeedSubjectFunctions(
    OperatorAccess access,
    NeedWorkflow workflow,
    CurrentDirectory directory,
    ICompanyLookup companies,
    TimeProvider time)
{
    [Function("AdminChooseSubject")]
    public Task<IResult> AdminChooseSubject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/needs/{needId}/subject")] HttpRequest request,
        string needId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<ChooseSubjectRequest>(request, (body, email) => ChooseAsync(needId, body, email, client, cancellationToken), cancellationToken);

    private async Task<IResult> ChooseAsync(string needId, ChooseSubjectRequest? request, string operatorEmail, DurableTaskClient client, CancellationToken ct)
    {
        var snapshot = directory.Snapshot;
        var subjectId = request?.SubjectId?.Trim();
        if (snapshot is null || string.IsNullOrEmpty(subjectId) || !snapshot.SubjectLabels.TryGetValue(subjectId, out var label))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subjectId"] = ["Choisissez un sujet du catalogue"] });
        }

        if (await workflow.LoadAsync(needId, ct) is not { } need)
        {
            return AdminNeedFunctions.NotFound();
        }

        // The company facts the filters read, as at submission (the lookup is cached); none without a SIRET.
        var facts = need.Company.Siret is null ? null : (await companies.LookupAsync(need.Company.Siret, ct)).Facts;
        var advisors = need.IsUnrouted
            ? snapshot.Routing.Route(new RoutingRequest(subjectId, need.Company.CommuneCode, facts, ParisTime.Today(time.GetUtcNow())))
            : []; // already routed: the decider refuses, no need to route
        var outcome = await workflow.ApplyAsync(client, needId, new SubjectChosen(operatorEmail, subjectId, label, advisors), ct);
        return CommandResults.From(outcome, state => TypedResults.Ok(state), AdminNeedFunctions.NotFound(), "Sujet impossible à changer");
    }

    public sealed record ChooseSubjectRequest(string? SubjectId);
}
