using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Partners;

namespace ConseillersEntreprises.App.Security;

/// <summary>Who calls <c>POST /api/needs</c>: the public site (no key), a partner whose key is valid, or the 401 to answer.</summary>
public sealed record PartnerCaller(PartnerKey? Key, string? InstitutionName, IResult? Refusal)
{
    public static PartnerCaller PublicSite { get; } = new(null, null, null);

    public static PartnerCaller Partner(PartnerKey key, string institutionName) => new(key, institutionName, null);

    public static PartnerCaller Refused(IResult refusal) => new(null, null, refusal);

    /// <summary>The need's source for a partner; null for the public site.</summary>
    public NeedSource? Source => Key is null
        ? null
        : new NeedSource { InstitutionId = Key.InstitutionId, InstitutionName = InstitutionName ?? Key.InstitutionId, KeyId = Key.Id };
}
