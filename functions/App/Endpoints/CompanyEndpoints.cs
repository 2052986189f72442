using ConseillersEntreprises.Core.Companies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        // Public, and every miss costs a call to the API's shared quota: limited per client address like the other public routes.
        app.MapGet("/api/companies/{siret}", GetAsync).RequireRateLimiting(RateLimits.Public).WithName("Company");
        return app;
    }

    /// <summary>
    /// Company facts for the form: 200 with the facts, 400 for a malformed SIRET, 404 when unknown or non-diffusible
    /// (the form then asks for the commune), 503 when API Recherche d'entreprises cannot answer now.
    /// </summary>
    private static async Task<Results<Ok<CompanyDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string siret, ICompanyLookup companies, CancellationToken ct)
    {
        if (!Siret.TryNormalize(siret, out var normalized, out var error))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["siret"] = [error ?? "Ce numéro SIRET n'est pas valide."] },
                title: "Le numéro SIRET n'est pas valide.");
        }

        var result = await companies.LookupAsync(normalized, ct);
        return result.Kind switch
        {
            CompanyLookupKind.Found when result.Facts is { } facts => TypedResults.Ok(CompanyDto.From(facts)),
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
