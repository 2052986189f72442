using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>
/// Renders the emails of the need workflow (<see cref="SendEmail"/> and <see cref="AlertOperators"/> effects) and the
/// advisor's login-link email: French, short, HTML with a plain-text part saying the same thing. Pure: the caller signs
/// the links and sends the result. Every value written by companies or advisors is HTML-encoded in the HTML part.
/// </summary>
public sealed partial class NeedEmailRenderer
{
    private const string ServiceName = "Conseillers-Entreprises";
    private const string TeamSignature = "Bien cordialement,\nL'équipe Conseillers-Entreprises";

    /// <summary>Encodes everything inserted into HTML; accented letters stay readable, markup characters never pass.</summary>
    private static readonly HtmlEncoder DefaultEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly HtmlEncoder _encoder;

    public NeedEmailRenderer()
        : this(DefaultEncoder)
    {
    }

    public NeedEmailRenderer(HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
    }

    /// <summary>The email of a <see cref="SendEmail"/> effect, from the need's current state.</summary>
    /// <exception cref="ArgumentException">
    /// The effect is about another need, an advisor email has no <see cref="EmailLinks.AdvisorNeedLink"/>, the survey has
    /// no <see cref="EmailLinks.CompanyFollowUpLink"/>, the comment to quote is unknown, or the template is
    /// <see cref="EmailTemplate.OperatorAlert"/> (see <see cref="RenderOperatorAlert"/>).
    /// </exception>
    public EmailMessage Render(SendEmail effect, NeedState state, EmailLinks links)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(links.SiteUrl, nameof(links));
        if (!string.Equals(effect.NeedId, state.NeedId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The effect is about need {effect.NeedId}, the state is need {state.NeedId}.", nameof(state));
        }

        return effect.Template switch
        {
            EmailTemplate.AdvisorNewNeed => AdvisorNewNeed(effect, state, links),
            EmailTemplate.AdvisorReminder => AdvisorReminder(effect, state, links),
            EmailTemplate.AdvisorLastChance => AdvisorLastChance(effect, state, links),
            EmailTemplate.AdvisorNewComment => AdvisorNewComment(effect, state, links),
            EmailTemplate.AdvisorNeedCancelled => AdvisorNeedCancelled(effect, state, links),
            EmailTemplate.CompanyConfirmation => CompanyConfirmation(effect, state, links),
            EmailTemplate.CompanyConfirmationUnrouted => CompanyConfirmationUnrouted(effect, state, links),
            EmailTemplate.CompanyTakenOn => CompanyTakenOn(effect, state, links),
            EmailTemplate.CompanyStillFollowing => CompanyStillFollowing(effect, state, links),
            EmailTemplate.CompanyMissedCall => CompanyMissedCall(effect, state, links),
            EmailTemplate.CompanyFallback => CompanyFallback(effect, state, links),
            EmailTemplate.CompanySatisfactionSurvey => CompanySatisfactionSurvey(effect, state, links),
            EmailTemplate.CompanyNeedRejected => CompanyNeedRejected(effect, state, links),
            EmailTemplate.OperatorAlert => throw new ArgumentException("Operator alerts are rendered by RenderOperatorAlert.", nameof(effect)),
            _ => throw new ArgumentOutOfRangeException(nameof(effect), effect.Template, "Unknown email template."),
        };
    }

    private EmailDocument NewDocument() => new(_encoder);

    /// <summary>"Bonjour Camille Dupont," or "Bonjour," when the name is unknown.</summary>
    private static string Greeting(string? name)
    {
        var line = SingleLine.Of(name);
        return line.Length > 0 ? $"Bonjour {line}," : "Bonjour,";
    }

    private static EmailDocument SignAndFoot(EmailDocument document, Uri siteUrl) => document
        .Paragraph(TeamSignature)
        .Footer(
            $"{ServiceName} est le service public gratuit qui met en relation les entreprises avec les conseillers publics de leur territoire.",
            $"Le site {ServiceName}",
            siteUrl);

    /// <summary>"Difficultés de trésorerie — MENUISERIE DUPONT, Penne-d'Agenais".</summary>
    private static string NeedTitle(NeedState state) =>
        $"{SingleLine.Of(state.SubjectLabel)} — {NeedDisplay.CompanyName(state.Company)}, {NeedDisplay.Commune(state.Company)}";
}
