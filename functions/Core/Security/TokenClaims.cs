namespace ConseillersEntreprises.Core.Security;

/// <summary>What a signed link grants: who (<see cref="Subject"/>), for what (<see cref="Audience"/>), until when.</summary>
/// <param name="Audience">The kind of access: <see cref="TokenAudiences"/>.</param>
/// <param name="Subject">The holder: an operator's email, an advisor id, a need id for a company.</param>
/// <param name="ExpiresAt">After this instant the token is refused.</param>
public sealed record TokenClaims(string Audience, string Subject, DateTimeOffset ExpiresAt);

public static class TokenAudiences
{
    public const string Operator = "operator";

    /// <summary>An antenna manager: the subject is the manager's email, its antennas are the directory's.</summary>
    public const string Manager = "manager";

    public const string Advisor = "advisor";
    public const string Company = "company";
}
