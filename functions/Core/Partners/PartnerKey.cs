namespace ConseillersEntreprises.Core.Partners;

/// <summary>A partner institution's API key as stored: never its secret, only the secret's hash (<see cref="PartnerKeySecret.Hash"/>).</summary>
public sealed record PartnerKey
{
    /// <summary>Public id of the key (list, revocation); tells nothing about the secret.</summary>
    public required string Id { get; init; }

    public required string Hash { get; init; }

    public required string InstitutionId { get; init; }

    /// <summary>What the operators called it (e.g. "Site de la CCI Occitanie").</summary>
    public required string Label { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The operator who issued it.</summary>
    public string? CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    /// <summary>Last accepted call, refreshed at most every <see cref="PartnerKeyRules.LastUseResolution"/>.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }
}
