using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>The alert to the operators when a need lands in one of their quality-follow-up baskets.</summary>
public sealed partial class NeedEmailRenderer
{
    /// <summary>The email telling an operator that a need entered a basket, with what they need to act on it.</summary>
    /// <param name="adminUrl">Where the operator handles the need (its page or the basket in the operators' space).</param>
    public EmailMessage RenderOperatorAlert(AlertOperators alert, NeedState state, string operatorEmail, Uri adminUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorEmail);
        ArgumentNullException.ThrowIfNull(adminUrl);
        if (!string.Equals(alert.NeedId, state.NeedId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The alert is about need {alert.NeedId}, the state is need {state.NeedId}.", nameof(state));
        }

        var concerned = alert.AdvisorIds
            .Select(state.MatchOf)
            .OfType<NeedMatch>()
            .ToList();

        var document = NewDocument()
            .Paragraph("Bonjour,")
            .Paragraph($"Un besoin vient d'entrer dans le panier « {BasketLabel(alert.Basket)} » du suivi qualité.")
            .Paragraph(alert.Reason)
            .Heading("Le besoin")
            .Facts(
            [
                ("Référence", state.NeedId),
                ("Déposé le", FrenchDates.DayAndTime(state.CreatedAt)),
                ("Sujet", state.SubjectLabel),
                ("Statut", NeedDisplay.Status(state)),
                ("Entreprise", NeedDisplay.CompanyName(state.Company)),
                ("SIRET", NeedDisplay.Siret(state.Company.Siret)),
                ("Commune", NeedDisplay.CommuneWithCode(state.Company)),
                ("Contact", $"{state.Contact.FullName}, {NeedDisplay.Phone(state.Contact.Phone)}, {state.Contact.Email}"),
            ])
            .Quote(state.Description);

        if (concerned.Count > 0)
        {
            document.Heading("Conseillers sans réponse").Bullets(concerned.Select(AdvisorLine));
        }

        if (state.Matches.Count > 0)
        {
            document.Heading("Tous les conseillers sollicités")
                .Bullets(state.Matches.Select(m => $"{AdvisorLine(m)} : {MatchTransitions.FrenchLabel(m.Status)}"));
        }

        document
            .Button("Ouvrir le besoin dans l'espace opérateur", adminUrl)
            .Paragraph($"Message automatique de {ServiceName}.");
        return document.Build(operatorEmail, $"[{BasketLabel(alert.Basket)}] {NeedTitle(state)}");
    }

    /// <summary>The basket's name, word for word as the operators' space names its tab (site/js/operateur.js, BASKETS).</summary>
    public static string BasketLabel(OperatorBasket basket) => basket switch
    {
        OperatorBasket.Unrouted => "Sans conseiller",
        OperatorBasket.NoAnswer => "Sans réponse à J+9",
        OperatorBasket.LastChance => "Dernière relance",
        OperatorBasket.Refused => "Refusé par tous les conseillers",
        OperatorBasket.Abandoned => "Abandonné",
        OperatorBasket.Review => "À vérifier",
        _ => basket.ToString(),
    };

    private static string AdvisorLine(NeedMatch match) =>
        $"{SingleLine.Of(match.AdvisorName)} ({SingleLine.Of(match.InstitutionName)}, {SingleLine.Of(match.AntennaName)}) — {SingleLine.Of(match.AdvisorEmail)}";
}
