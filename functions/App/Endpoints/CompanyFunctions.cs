using ConseillersEntreprises.Core.Companies;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// <c>GET /api/companies/{siret}</c>: company facts for the form. Public, and every miss costs a call to the API's shared
/// quota: limited per client address like the other public routes.
/// </summary>
public sealed class CompanyFunctions(ICompanyLookup companies, PublicRateLimiter limits)
{
    /// <summary>
    /// 200 with the facts, 400 for a malformed SIRET, 404 when unknown or non-diffusible (the form then asks for the
    /// commune), 503 when API Recherche d'entreprises cannot answer now.
    /// </summary>
    [Function("Company")]
    public async Task<IResult> Company(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "companies/{siret}")] HttpRequest request,
        string siret,
        CancellationToken cancellationToken)
    {
        if (limits.Refusal(RateLimitPolicy.Public, request) is { } refused)
        {
            return refused;
        }

        if (!Siret.TryNormalize(siret, out var normalized, out var error))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["siret"] = [error ?? "Ce numéro SIRET n'est pas valide."] },
                title: "Le numéro SIRET n'est pas valide.");
        }

        var result = await companies.LookupAsync(normalized, cancellationToken);
        return result.Kind switch
        {
            CompanyLookupKind.Found when result.Facts is { } facts => (IResult)TypedResults.Ok(CompanyDto.From(facts)),
            CompanyLookupKind.NotFound => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Entreprise introuvable",
                detail: "Aucun établissement public ne correspond à ce SIRET : il est inconnu, ou l'entreprise a choisi de ne pas "
                        + "diffuser ses informations. Vous pouvez poursuivre en indiquant la commune de votre établissement."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Recherche d'entreprise indisponible",
                detail: "Le service qui retrouve les informations de votre entreprise ne répond pas pour le moment. "
                        + "Réessayez dans quelques instants, ou poursuivez en indiquant la commune de votre établissement."),
        };
    }

    /// <summary>The JSON answer of <c>GET /api/companies/{siret}</c> (camelCase on the wire).</summary>
    public sealed record CompanyDto(
        string Siret,
        string Siren,
        string? Name,
        string? CommuneCode,
        string? CommuneName,
        string? PostalCode,
        string? NafCode,
        string? HeadcountBracket,
        DateOnly? CreationDate,
        string? LegalFormCode,
        bool Active,
        bool CompanyCeased,
        bool EstablishmentClosed,
        bool Foreign)
    {
        public static CompanyDto From(CompanyFacts facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            return new(facts.Siret, facts.Siren, facts.Name, facts.CommuneCode, facts.CommuneName, facts.PostalCode, facts.NafCode,
                facts.HeadcountBracket, facts.CreationDate, facts.LegalFormCode, facts.Active, facts.CompanyCeased,
                facts.EstablishmentClosed, facts.Foreign);
        }
    }
}
