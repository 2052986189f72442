using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.DataProtection;

/// <summary>
/// Everything stored about one company or person (<c>GET /api/admin/companies/data</c>): each of its needs as the
/// operators see it (contact, description, comments, matches and their position comments, timeline, satisfaction,
/// cancellation, anonymisation), most recent first.
/// </summary>
public sealed record CompanyDataExport(string LookedUpBy, string Value, DateTimeOffset ExportedAt, IReadOnlyList<NeedState> Needs);
