namespace ConseillersEntreprises.Core.Routing;

/// <summary>The outcome of one filter on one need: Pass, or the criterion that failed. Allocation-free on purpose.</summary>
public enum FilterCheck
{
    Pass,
    AgeUnknown,
    TooYoung,
    TooOld,
    HeadcountUnknown,
    HeadcountTooSmall,
    HeadcountTooLarge,
    NafUnknown,
    NafNotAccepted,
    NafExcluded,
    CommuneExcluded,
    LegalFormUnknown,
    LegalFormNotAccepted,
    LegalFormExcluded,
}
