using ConseillersEntreprises.Core.Companies;

namespace ConseillersEntreprises.Core.Routing;

/// <summary>What routing needs to know about a need.</summary>
/// <param name="SubjectId">The catalogue subject chosen by the company.</param>
/// <param name="CommuneCode">INSEE code of the company's commune (arrondissements and delegated communes accepted).</param>
/// <param name="Company">Company facts from the lookup; null when unknown (then every filter needing them fails).</param>
/// <param name="Today">The day the need is routed, for company age (time is an input, never read here).</param>
public sealed record RoutingRequest(string SubjectId, string? CommuneCode, CompanyFacts? Company, DateOnly Today);
