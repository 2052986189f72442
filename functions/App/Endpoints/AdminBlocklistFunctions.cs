using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Storage.Moderation;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET|PUT /api/admin/blocklist {"emails":[],"domains":[]}</c>: the contact addresses and email domains whose
/// submissions wait for a check. A PUT replaces the whole list, all or nothing (a French 400 per bad entry), and
/// applies to the next submission on every instance (the intake reads it each time).
/// </summary>
public sealed class AdminBlocklistFunctions(OperatorAccess access, BlockListStore store, TimeProvider time)
{
    [Function("AdminGetBlocklist")]
    public async Task<IResult> AdminGetBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/blocklist")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).Refusal ?? TypedResults.Ok(await store.GetAsync(cancellationToken));

    [Function("AdminPutBlocklist")]
    public Task<IResult> AdminPutBlocklist(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "admin/blocklist")] HttpRequest request,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<BlockListRequest>(request, (body, email) => SaveAsync(body, email, cancellationToken), cancellationToken);

    private async Task<IResult> SaveAsync(BlockListRequest? body, string operatorEmail, CancellationToken ct)
    {
        if (body is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["$"] = ["Envoyez la liste complète : {\"emails\":[…],\"domains\":[…]}"] },
                title: "Liste de blocage non enregistrée");
        }

        var validation = BlockListValidator.Validate(body.Emails, body.Domains);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors.ToDictionary(e => e.Key, e => e.Value),
                title: "Liste de blocage non enregistrée : corrigez les entrées signalées");
        }

        await store.SaveAsync(validation.BlockList, operatorEmail, time.GetUtcNow(), ct);
        return TypedResults.Ok(validation.BlockList);
    }

    public sealed record BlockListRequest(IReadOnlyList<string?>? Emails, IReadOnlyList<string?>? Domains);
}
