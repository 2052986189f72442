using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>
/// The emails to the company: confirmation (routed or not), taken on, still following, missed call, fallback,
/// satisfaction survey. They name institutions, and advisors only once they took the need on or tried to call.
/// </summary>
public sealed partial class NeedEmailRenderer
{
    private const string FollowUpLabel = "Suivre ma demande";
    private const string ReplyToUs = "Une question ? Répondez simplement à ce message : notre équipe vous lira.";

    /// <summary>Where a company can turn when no advisor of the service could help (fallback email).</summary>
    private static readonly (string Label, Uri Link, string? Explanation)[] OtherResources =
    [
        ("Entreprendre.Service-Public.fr", new Uri("https://entreprendre.service-public.fr/"), "le site officiel d'information des entreprises (démarches, aides, réglementation)"),
        ("Les CCI", new Uri("https://www.cci.fr/"), "pour trouver la chambre de commerce et d'industrie (CCI) de votre territoire"),
        ("Les CMA", new Uri("https://www.artisanat.fr/"), "pour trouver la chambre de métiers et de l'artisanat (CMA) de votre territoire, si vous êtes artisan"),
    ];

    private EmailMessage CompanyConfirmation(SendEmail effect, NeedState state, EmailLinks links)
    {
        var institutions = NeedDisplay.Institutions(state.Matches);
        // One advisor or several: the wording agrees with the advisors the need was sent to, not with the institutions.
        var several = state.Matches.Count > 1;
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Nous avons bien reçu votre demande du {FrenchDates.Day(state.CreatedAt)} sur le sujet « {SingleLine.Of(state.SubjectLabel)} » "
                + $"et nous l'avons transmise {(several ? "aux conseillers" : "au conseiller")} de :")
            .Bullets(institutions)
            .Heading("Et maintenant ?")
            .Paragraph(
                $"{(several ? "Ces conseillers vont" : "Ce conseiller va")} étudier votre demande "
                + $"et vous appeler dans les prochains jours au {NeedDisplay.Phone(state.Contact.Phone)}. "
                + "L'appel peut venir d'un numéro que vous ne connaissez pas : pensez à décrocher.")
            .Paragraph("Nous vous écrirons dès qu'un conseiller aura pris en charge votre demande.");
        FollowUp(document, links, "Vous pouvez suivre votre demande à tout moment :");
        document.Heading("Rappel de votre demande").Quote(state.Description);
        document.Paragraph(ReplyToUs);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Votre demande a bien été transmise — {SingleLine.Of(state.SubjectLabel)}");
    }

    private EmailMessage CompanyConfirmationUnrouted(SendEmail effect, NeedState state, EmailLinks links)
    {
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(state.IsOutsideCatalogue
                ? $"Nous avons bien reçu votre demande du {FrenchDates.Day(state.CreatedAt)}."
                : $"Nous avons bien reçu votre demande du {FrenchDates.Day(state.CreatedAt)} sur le sujet « {SingleLine.Of(state.SubjectLabel)} ».")
            .Heading("Et maintenant ?")
            .Paragraph(
                (state.IsOutsideCatalogue ? "Notre équipe va la lire, choisir le sujet qui lui correspond et rechercher " : "Notre équipe recherche ")
                + "le conseiller le mieux placé pour vous répondre sur votre territoire. "
                + $"Dès qu'il sera désigné, nous vous écrirons et il vous appellera au {NeedDisplay.Phone(state.Contact.Phone)}.");
        FollowUp(document, links, "Vous pouvez suivre votre demande à tout moment :");
        document.Heading("Rappel de votre demande").Quote(state.Description);
        document.Paragraph(ReplyToUs);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Votre demande a bien été reçue — {SingleLine.Of(state.SubjectLabel)}");
    }

    private EmailMessage CompanyTakenOn(SendEmail effect, NeedState state, EmailLinks links)
    {
        // The email is sent a few minutes after the take-on: an advisor may have closed the need since (then it has
        // called already) or given it up. Only those still taking care "vont vous contacter".
        var advisors = Named(effect, state, m => m.Status is MatchStatus.TakingCare or MatchStatus.Done)
            .Select(a => (Advisor: a, Status: state.MatchOf(a.AdvisorId)?.Status ?? MatchStatus.TakingCare))
            .ToList();
        var calling = advisors.Where(a => a.Status == MatchStatus.TakingCare).ToList();
        var closed = advisors.Where(a => a.Status is MatchStatus.Done or MatchStatus.DoneNoHelp or MatchStatus.DoneNotReachable).ToList();
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph($"Bonne nouvelle : votre demande « {SingleLine.Of(state.SubjectLabel)} » est prise en charge.")
            .Bullets(
                calling.Select(a => $"{NeedDisplay.AdvisorWithInstitution(a.Advisor.Name, a.Advisor.InstitutionName)} va vous contacter.")
                    .Concat(closed.Select(a => $"{NeedDisplay.AdvisorWithInstitution(a.Advisor.Name, a.Advisor.InstitutionName)} a pris en charge votre demande et l'a depuis clôturée.")));
        if (calling.Count > 0)
        {
            document.Paragraph(
                $"{(calling.Count > 1 ? "Ils vous appelleront" : "Il vous appellera")} au {NeedDisplay.Phone(state.Contact.Phone)} : "
                + "l'appel peut venir d'un numéro que vous ne connaissez pas, pensez à décrocher.");
        }

        FollowUp(document, links, "Vous pouvez suivre votre demande à tout moment :");
        document.Paragraph(ReplyToUs);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Votre demande est prise en charge — {SingleLine.Of(state.SubjectLabel)}");
    }

    private EmailMessage CompanyStillFollowing(SendEmail effect, NeedState state, EmailLinks links)
    {
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Votre demande du {FrenchDates.Day(state.CreatedAt)} sur le sujet « {SingleLine.Of(state.SubjectLabel)} » "
                + "n'a pas encore été prise en charge par un conseiller.")
            .Paragraph(
                "Nous la suivons de près : notre équipe relance les conseillers concernés pour qu'ils vous appellent au plus vite. "
                + "Vous n'avez rien à faire.")
            .Paragraph("Si votre besoin a changé ou a déjà trouvé une solution, répondez simplement à ce message pour nous le dire.");
        FollowUp(document, links, "Vous pouvez suivre votre demande à tout moment :");
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Nous suivons votre demande — {SingleLine.Of(state.SubjectLabel)}");
    }

    private EmailMessage CompanyMissedCall(SendEmail effect, NeedState state, EmailLinks links)
    {
        var advisors = Named(effect, state, m => m.Status == MatchStatus.DoneNotReachable);
        var several = advisors.Count > 1;
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"{(several ? "Des conseillers ont" : "Un conseiller a")} essayé de vous joindre au {NeedDisplay.Phone(state.Contact.Phone)} "
                + $"au sujet de votre demande « {SingleLine.Of(state.SubjectLabel)} », sans y parvenir.")
            .Heading(several ? "Leurs coordonnées" : "Ses coordonnées")
            .Facts(advisors.Select(a => (NeedDisplay.AdvisorWithInstitution(a.Name, a.InstitutionName), ContactOf(a, state))))
            .Paragraph(
                $"Si votre besoin est toujours d'actualité, recontactez {(several ? "l'un d'eux" : "ce conseiller")} par email "
                + "en rappelant votre demande et les moments où vous êtes joignable.");
        FollowUp(document, links, "Vous pouvez suivre votre demande à tout moment :");
        document.Paragraph(ReplyToUs);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Un conseiller a essayé de vous joindre — {SingleLine.Of(state.SubjectLabel)}");
    }

    private EmailMessage CompanyFallback(SendEmail effect, NeedState state, EmailLinks links)
    {
        var why = state.IsAbandoned
            ? "malgré nos relances, aucun conseiller n'a pu prendre en charge votre demande dans les délais"
            : "les conseillers sollicités nous ont indiqué ne pas pouvoir vous aider sur cette demande";
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Nous sommes désolés : {why} (« {SingleLine.Of(state.SubjectLabel)} », déposée le {FrenchDates.Day(state.CreatedAt)}). "
                + "Votre demande est close.")
            .Heading("D'autres ressources pour vous aider")
            .Links(OtherResources)
            .Heading("Nous joindre")
            .Paragraph(
                "Pour joindre notre équipe, répondez simplement à ce message en nous disant où vous en êtes : "
                + "nous chercherons avec vous la bonne porte d'entrée.");
        document.Link($"Vous pouvez aussi déposer une nouvelle demande, plus précise, sur {ServiceName} :", "Déposer une nouvelle demande", links.SiteUrl);
        return SignAndFoot(document, links.SiteUrl).Build(
            effect.RecipientEmail,
            $"Votre demande « {SingleLine.Of(state.SubjectLabel)} » : d'autres pistes pour vous aider");
    }

    private EmailMessage CompanySatisfactionSurvey(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = links.CompanyFollowUpLink
            ?? throw new ArgumentException("The satisfaction survey needs the company's signed follow-up link.", nameof(links));
        var helped = NeedDisplay.Institutions(state.Matches.Where(m => m.Status == MatchStatus.Done));
        var by = helped.Count == 0 ? "un conseiller" : $"les conseillers de {FrenchList.Join(helped)}";
        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Votre demande « {SingleLine.Of(state.SubjectLabel)} » du {FrenchDates.Day(state.CreatedAt)} a été accompagnée par {by}.")
            .Paragraph("Ce service est gratuit et nous tenons à sa qualité : votre avis nous aide à l'améliorer. Cela prend deux minutes.")
            .Button("Donner mon avis sur l'accompagnement", link)
            .Paragraph("Merci pour votre confiance.");
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Votre avis sur l'accompagnement reçu — {SingleLine.Of(state.SubjectLabel)}");
    }

    private static void FollowUp(EmailDocument document, EmailLinks links, string introduction)
    {
        if (links.CompanyFollowUpLink is { } link)
        {
            document.Link(introduction, FollowUpLabel, link);
        }
    }

    /// <summary>How the company can reach an advisor again: its email, or at least its antenna.</summary>
    private static string? ContactOf(EmailAdvisor advisor, NeedState state) =>
        state.MatchOf(advisor.AdvisorId)?.AdvisorEmail is { Length: > 0 } email
            ? SingleLine.Of(email)
            : SingleLine.Of(advisor.AntennaName) is { Length: > 0 } antenna ? $"antenne {antenna}" : null;

    /// <summary>The advisors the effect names, or, for an effect without them, those of the state that fit.</summary>
    private static IReadOnlyList<EmailAdvisor> Named(SendEmail effect, NeedState state, Func<NeedMatch, bool> fallback) =>
        effect.Advisors.Count > 0 ? effect.Advisors : [.. state.Matches.Where(fallback).Select(EmailAdvisor.Of)];
}
