namespace ConseillersEntreprises.Core.Companies;

/// <summary>
/// What routing and the forms need to know about a company's establishment, as given by API Recherche
/// d'entreprises. Every fact may be unknown (null): a filter that needs an unknown fact fails.
/// </summary>
/// <param name="Siret">Establishment SIRET (14 digits).</param>
/// <param name="Siren">Company SIREN (9 digits).</param>
/// <param name="Name">Company name as registered.</param>
/// <param name="CommuneCode">INSEE code of the establishment's commune, arrondissements already mapped to their commune.</param>
/// <param name="CommuneName">Name of that commune.</param>
/// <param name="PostalCode">Postal code of the establishment.</param>
/// <param name="NafCode">NAF/APE activity code with its dot, e.g. "62.01Z".</param>
/// <param name="HeadcountBracket">INSEE headcount bracket code ("00", "01", "02", "03", "11", … "53"); null when unknown ("NN").</param>
/// <param name="CreationDate">Company creation date.</param>
/// <param name="LegalFormCode">Legal form code (catégorie juridique), e.g. "5499".</param>
/// <param name="Active">Company active and establishment open.</param>
public sealed record CompanyFacts(
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
    bool Active)
{
    /// <summary>True when the company itself has ceased (état administratif C).</summary>
    public bool CompanyCeased { get; init; }

    /// <summary>True when the establishment is closed (état administratif F).</summary>
    public bool EstablishmentClosed { get; init; }

    /// <summary>True when the establishment is abroad (code pays étranger on the siège).</summary>
    public bool Foreign { get; init; }
}
