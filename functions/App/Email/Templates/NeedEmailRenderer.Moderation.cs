using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>The company's email when an operator rejected its need after checking it.</summary>
public sealed partial class NeedEmailRenderer
{
    /// <summary>
    /// Short and polite; the team's reason is its own (it may read "doublon" or "spam") and is not sent. Someone whose
    /// real need was caught by mistake knows how to reach the team, and that an earlier request keeps going.
    /// </summary>
    private EmailMessage CompanyNeedRejected(SendEmail effect, NeedState state, EmailLinks links)
    {
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(state.IsOutsideCatalogue
                ? $"Nous avons bien reçu votre demande du {FrenchDates.Day(state.CreatedAt)}. Après vérification, notre équipe ne lui donne pas suite."
                : $"Nous avons bien reçu votre demande du {FrenchDates.Day(state.CreatedAt)} sur le sujet « {SingleLine.Of(state.SubjectLabel)} ». "
                  + "Après vérification, notre équipe ne lui donne pas suite.")
            .Paragraph("Si vous aviez déjà déposé une demande semblable ces derniers jours, elle suit son cours : inutile de la renouveler.")
            .Paragraph("Vous pensez qu'il s'agit d'une erreur ? Répondez simplement à ce message : notre équipe vous lira.");
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Votre demande n'a pas été transmise — {SingleLine.Of(state.SubjectLabel)}");
    }
}
