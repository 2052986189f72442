using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Needs;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// Turns a need's email effects into emails ready to send, each with the effect key that makes sending it idempotent:
/// the links are signed here, and an operators' alert also goes to the antenna managers of the advisors concerned.
/// </summary>
public sealed class NeedEmailComposer(
    NeedEmailRenderer renderer,
    SignedLinks links,
    IOptionsMonitor<OperatorsOptions> operators,
    CurrentDirectory directory)
{
    public EmailMessage Compose(SendEmail email, NeedState state)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(state);
        return renderer.Render(email, state, new EmailLinks(
            email.AdvisorId is { } advisorId ? links.AdvisorNeed(advisorId, state.NeedId) : null,
            links.CompanyFollowUp(state.NeedId),
            links.SiteUrl)) with { IdempotencyKey = email.EffectId };
    }

    /// <summary>One email per operator address, then one per antenna manager of the advisors concerned (PRODUCT.md).</summary>
    public IReadOnlyList<EmailMessage> Compose(AlertOperators alert, NeedState state)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(state);
        var emails = new List<EmailMessage>();
        if (!alert.EmailOperators)
        {
            return emails;
        }

        foreach (var address in operators.CurrentValue.Emails.Select(a => a.Trim()).Where(a => a.Length > 0))
        {
            emails.Add(renderer.RenderOperatorAlert(alert, state, address, links.OperatorNeed(state.NeedId))
                with { IdempotencyKey = $"{alert.EffectId}:{address.ToUpperInvariant()}" });
        }

        foreach (var manager in ManagersOf(alert.AdvisorIds))
        {
            emails.Add(renderer.RenderOperatorAlert(alert, state, manager, links.SiteUrl)
                with { IdempotencyKey = $"{alert.EffectId}:manager:{manager.ToUpperInvariant()}" });
        }

        return emails;
    }

    private IEnumerable<string> ManagersOf(IReadOnlyList<string> advisorIds)
    {
        if (advisorIds.Count == 0 || directory.Snapshot is not { } snapshot)
        {
            return [];
        }

        var antennaIds = snapshot.Document.Advisors.Where(a => advisorIds.Contains(a.Id)).Select(a => a.AntennaId).ToHashSet(StringComparer.Ordinal);
        return snapshot.Document.Antennas
            .Where(a => antennaIds.Contains(a.Id))
            .SelectMany(a => a.Managers)
            .Select(m => m.Email.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
