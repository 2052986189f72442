using ConseillersEntreprises.App.DataProtection;
using ConseillersEntreprises.App.Security;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>Data protection for operators: one company's or person's data exported as JSON, or erased on request.</summary>
public sealed class CompanyDataFunctions(OperatorAccess access, CompanyData data)
{
    /// <summary><c>GET /api/admin/companies/data?siret=|email=</c>: everything stored about it, as a JSON file; changes nothing.</summary>
    [Function("AdminCompanyData")]
    public async Task<IResult> AdminCompanyData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/companies/data")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (access.Check(request.Context()).Refusal is { } refusal)
        {
            return refusal;
        }

        var (query, errors) = CompanyDataQuery.Parse(request.Query["siret"].ToString(), request.Query["email"].ToString());
        if (query is null)
        {
            return Invalid(errors!);
        }

        var export = await data.ExportAsync(query, cancellationToken);
        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"donnees-{(query.LookedUpBy == CompanyDataQuery.BySiret ? query.Value : "personne")}.json\"";
        return TypedResults.Ok(export);
    }

    /// <summary>
    /// <c>POST /api/admin/companies/erase {"siret"|"email"}</c>: erases its needs' personal data now (open ones cancelled
    /// first); 200 with what was erased, 503 when a need's workflow did not answer (erase again: it resumes).
    /// </summary>
    [Function("AdminCompanyErase")]
    public Task<IResult> AdminCompanyErase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/companies/erase")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        access.Check(request.Context()).ThenAsync<EraseRequest>(request, async (body, operatorEmail) =>
        {
            var (query, errors) = CompanyDataQuery.Parse(body?.Siret, body?.Email);
            if (query is null)
            {
                return Invalid(errors!);
            }

            var report = await data.EraseAsync(client, query, operatorEmail, cancellationToken);
            return report.IsComplete
                ? TypedResults.Ok(report)
                : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Effacement incomplet",
                    detail: $"{report.Erased.Count} besoin(s) effacé(s), {report.Unanswered.Count} en attente : relancez l'effacement dans quelques instants.");
        }, cancellationToken);

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Recherche impossible", detail: "Indiquez un SIRET ou une adresse email valide.");

    public sealed record EraseRequest(string? Siret, string? Email);
}
