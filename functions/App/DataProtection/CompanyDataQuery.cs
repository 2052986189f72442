using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.DataProtection;

/// <summary>
/// Whose data an operator asks for: one company by its SIRET, or one person by their email (exactly one of the two).
/// <see cref="SearchKey"/> is the operators' search key that finds its needs (<see cref="NeedSearch"/>).
/// </summary>
public sealed record CompanyDataQuery(string LookedUpBy, string Value, string SearchKey)
{
    public const string BySiret = "siret";
    public const string ByEmail = "email";

    /// <summary>The query, or the French problems of each field (<c>siret</c>, <c>email</c>).</summary>
    public static (CompanyDataQuery? Query, Dictionary<string, string[]>? Errors) Parse(string? siret, string? email)
    {
        var hasSiret = !string.IsNullOrWhiteSpace(siret);
        var hasEmail = !string.IsNullOrWhiteSpace(email);
        if (hasSiret == hasEmail)
        {
            var message = hasSiret
                ? "Indiquez soit un SIRET, soit une adresse email, pas les deux"
                : "Indiquez le SIRET de l'entreprise ou l'adresse email de la personne";
            return (null, new Dictionary<string, string[]> { [BySiret] = [message], [ByEmail] = [message] });
        }

        if (hasSiret)
        {
            return Siret.TryNormalize(siret, out var digits, out var error)
                ? (new CompanyDataQuery(BySiret, digits, NeedSearch.SiretPrefix + digits), null)
                : (null, new Dictionary<string, string[]> { [BySiret] = [error ?? "SIRET invalide"] });
        }

        var address = email!.Trim();
        return EmailAddress.IsValid(address) && address.Length <= 254
            ? (new CompanyDataQuery(ByEmail, address, NeedSearch.EmailPrefix + address.ToLowerInvariant()), null)
            : (null, new Dictionary<string, string[]> { [ByEmail] = ["Adresse email invalide"] });
    }
}
