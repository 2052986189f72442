namespace ConseillersEntreprises.Core.Partners;

/// <summary>Whether a key opens the partner API at a given moment.</summary>
public enum PartnerKeyStatus
{
    Valid,
    Expired,
    Revoked,
}
