namespace ConseillersEntreprises.Core.Security;

public enum TokenStatus
{
    Valid,
    Malformed,
    UnknownKey,
    BadSignature,
    WrongAudience,
    Expired,
}

/// <summary>The outcome of checking a token; <see cref="Claims"/> is set only when <see cref="Status"/> is Valid.</summary>
public sealed record TokenValidation(TokenStatus Status, TokenClaims? Claims)
{
    public bool IsValid => Status == TokenStatus.Valid;
}
