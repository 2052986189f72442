namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>The links a need email may carry, signed by the caller for its recipient.</summary>
/// <param name="AdvisorNeedLink">The signed need-sheet link of the advisor recipient; null for company emails.</param>
/// <param name="CompanyFollowUpLink">The signed follow-up page of the need, for company emails.</param>
/// <param name="SiteUrl">The public site, named at the foot of every email.</param>
public sealed record EmailLinks(Uri? AdvisorNeedLink, Uri? CompanyFollowUpLink, Uri SiteUrl);
