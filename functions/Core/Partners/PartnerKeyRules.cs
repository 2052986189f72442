namespace ConseillersEntreprises.Core.Partners;

/// <summary>The rules of a key's life, with time as a parameter: issued for a lifetime, refused once expired or revoked.</summary>
public static class PartnerKeyRules
{
    /// <summary>The issue's "18 months": 548 days (setting <c>Partners:KeyLifetime</c>).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(548);

    /// <summary>A key's last use is rewritten at most this often: one write per partner call would double its cost.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);

    public const int MaxLabelLength = 100;

    /// <summary>A revocation wins over an expiry (the operators' act is what they want to read); valid until the instant of expiry, excluded.</summary>
    public static PartnerKeyStatus StatusAt(PartnerKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.RevokedAt is not null)
        {
            return PartnerKeyStatus.Revoked;
        }

        return now >= key.ExpiresAt ? PartnerKeyStatus.Expired : PartnerKeyStatus.Valid;
    }

    /// <summary>A new key of <paramref name="institutionId"/>, its secret and what is stored of it.</summary>
    public static (PartnerKey Key, string Secret) Issue(string institutionId, string label, string? operatorEmail, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = PartnerKeySecret.Generate();
        var key = new PartnerKey
        {
            Id = "k" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
            Hash = PartnerKeySecret.Hash(secret),
            InstitutionId = institutionId,
            Label = label,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedBy = operatorEmail,
        };
        return (key, secret);
    }

    /// <summary>The key revoked at <paramref name="now"/>; a key already revoked keeps its first revocation (idempotent).</summary>
    public static PartnerKey Revoke(PartnerKey key, string? operatorEmail, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.RevokedAt is not null ? key : key with { RevokedAt = now, RevokedBy = operatorEmail };
    }

    /// <summary>Whether an accepted call at <paramref name="now"/> should rewrite the key's last use.</summary>
    public static bool ShouldRecordUse(PartnerKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.LastUsedAt is not { } last || now - last >= LastUseResolution;
    }
}
