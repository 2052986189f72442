using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>The emails to advisors: new need, reminder, last chance, new comment, need cancelled, login link.</summary>
public sealed partial class NeedEmailRenderer
{
    private const string AnswerLabel = "Voir le besoin et répondre";
    private const string PersonalLink = "Ce lien vous est personnel : merci de ne pas le transférer.";

    /// <summary>The advisor's fresh link to its "Besoins reçus", asked for from an expired or invalid link.</summary>
    public EmailMessage RenderAdvisorLoginLink(string to, string advisorName, Uri inboxLink, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(inboxLink);

        var document = NewDocument()
            .Paragraph(Greeting(advisorName))
            .Paragraph($"Voici votre lien d'accès à vos besoins reçus sur {ServiceName}, valable jusqu'au {FrenchDates.DayAndTime(expiresAt)}.")
            .Button("Ouvrir mes besoins reçus", inboxLink)
            .Paragraph(PersonalLink)
            .Paragraph("Si vous n'avez pas demandé ce lien, ignorez ce message : votre accès reste protégé.")
            .Paragraph(TeamSignature);
        return document.Build(to, $"Votre lien d'accès à vos besoins reçus sur {ServiceName}");
    }

    private EmailMessage AdvisorNewNeed(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = AdvisorLink(links);
        var recipient = RecipientMatch(effect, state);
        var sentAt = recipient?.SentAt ?? state.CreatedAt;
        var others = state.Matches
            .Where(m => !string.Equals(m.AdvisorId, effect.AdvisorId, StringComparison.Ordinal))
            .ToList();

        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Une entreprise de votre territoire a besoin de vous : sa demande « {SingleLine.Of(state.SubjectLabel)} » "
                + $"vous a été transmise le {FrenchDates.DayAndTime(sentAt)}.");
        CompanyAndContact(document, state);
        if (!state.Company.IsRegistered)
        {
            document.Paragraph(
                "Cette entreprise n'est pas encore immatriculée (création ou reprise) : elle n'a pas de SIRET, et le besoin vous a été "
                + "transmis d'après sa commune seulement.");
        }

        document.Heading("Sa demande").Quote(state.Description);

        document.Heading("Autres institutions sollicitées");
        if (others.Count == 0)
        {
            document.Paragraph("Vous êtes le seul conseiller à avoir reçu ce besoin.");
        }
        else
        {
            document.Bullets(others
                .Select(m => $"{SingleLine.Of(m.InstitutionName)} ({SingleLine.Of(m.AntennaName)})"
                    + (m.Status == MatchStatus.Quo ? string.Empty : $" : {MatchTransitions.FrenchLabel(m.Status)}"))
                .Distinct(StringComparer.Ordinal));
        }

        document
            .Button(AnswerLabel, link)
            .Paragraph(
                "Nous vous conseillons d'appeler l'entreprise dans les 5 jours : un premier contact rapide fait toute la différence. "
                + "Sur la fiche du besoin, indiquez que vous le prenez en charge, ou « Pas pour moi » s'il ne relève pas de vous.")
            .Paragraph(PersonalLink);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Nouveau besoin : {NeedTitle(state)}");
    }

    private EmailMessage AdvisorReminder(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = AdvisorLink(links);
        var sentAt = RecipientMatch(effect, state)?.SentAt ?? state.CreatedAt;

        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Le besoin « {SingleLine.Of(state.SubjectLabel)} » de {NeedDisplay.CompanyName(state.Company)} vous a été transmis "
                + $"le {FrenchDates.Day(sentAt)} et attend toujours votre réponse. L'entreprise compte sur un appel rapide.");
        CompanyAndContact(document, state);
        document.Heading("Sa demande").Quote(state.Description);
        document
            .Button(AnswerLabel, link)
            .Paragraph("Si vous avez déjà contacté l'entreprise, indiquez sur la fiche que vous prenez le besoin en charge : elle en sera informée.")
            .Paragraph(PersonalLink);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Rappel : {NeedTitle(state)}");
    }

    private EmailMessage AdvisorLastChance(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = AdvisorLink(links);
        var sentAt = RecipientMatch(effect, state)?.SentAt ?? state.CreatedAt;
        var abandon = state.Timers.FirstOrDefault(t => t.Kind == TimerKind.Abandon);
        var deadline = abandon is null
            ? "Sans réponse très prochainement"
            : $"Sans réponse d'ici le {FrenchDates.Day(abandon.DueAt)}";

        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Dernière relance : le besoin « {SingleLine.Of(state.SubjectLabel)} » de {NeedDisplay.CompanyName(state.Company)}, "
                + $"transmis le {FrenchDates.Day(sentAt)}, n'a encore été pris en charge par aucun conseiller.")
            .Paragraph($"{deadline}, il sera clos et l'entreprise sera orientée vers d'autres ressources.");
        CompanyAndContact(document, state);
        document.Heading("Sa demande").Quote(state.Description);
        document
            .Button(AnswerLabel, link)
            .Paragraph("Si ce besoin ne relève pas de vous, indiquez « Pas pour moi » sur la fiche : nous pourrons l'orienter ailleurs.")
            .Paragraph(PersonalLink);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Dernière relance : {NeedTitle(state)}");
    }

    private EmailMessage AdvisorNewComment(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = AdvisorLink(links);
        if (effect.CommentIds.Count == 0)
        {
            throw new ArgumentException($"A comment notice of need {state.NeedId} names no comment.", nameof(effect));
        }

        var comments = effect.CommentIds
            .Select(id => state.Comments.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal))
                ?? throw new ArgumentException($"Comment {id} is not in the thread of need {state.NeedId}.", nameof(effect)))
            .ToList();
        var need = $"le besoin « {SingleLine.Of(state.SubjectLabel)} » de {NeedDisplay.CompanyName(state.Company)} ({NeedDisplay.Commune(state.Company)})";

        var document = NewDocument().Paragraph(Greeting(effect.RecipientName));
        if (comments.Count == 1)
        {
            document.Paragraph($"{CommentAuthor(comments[0])} a écrit le {FrenchDates.DayAndTime(comments[0].At)} sur {need} :").Quote(comments[0].Text);
        }
        else
        {
            document.Paragraph($"{comments.Count} nouveaux commentaires ont été écrits sur {need} :");
            foreach (var comment in comments)
            {
                document.Paragraph($"{CommentAuthor(comment)}, le {FrenchDates.DayAndTime(comment.At)} :").Quote(comment.Text);
            }
        }

        document
            .Button(AnswerLabel, link)
            .Paragraph("Vous recevez ce message parce que vous suivez ce besoin. Pour répondre, écrivez dans le fil de discussion de la fiche.")
            .Paragraph(PersonalLink);
        var subject = comments.Count == 1
            ? $"Nouveau commentaire de {SingleLine.Of(comments[0].AuthorName)} : {NeedTitle(state)}"
            : $"{comments.Count} nouveaux commentaires : {NeedTitle(state)}";
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, subject);
    }

    /// <summary>An operator cancelled the need: the advisor is told why, and that nothing more is expected of it.</summary>
    private EmailMessage AdvisorNeedCancelled(SendEmail effect, NeedState state, EmailLinks links)
    {
        var link = AdvisorLink(links);
        var cancellation = state.Cancellation
            ?? throw new ArgumentException($"Need {state.NeedId} is not cancelled: there is no cancellation to tell.", nameof(state));
        var sentAt = RecipientMatch(effect, state)?.SentAt ?? state.CreatedAt;

        var document = NewDocument()
            .Paragraph(Greeting(effect.RecipientName))
            .Paragraph(
                $"Le besoin « {SingleLine.Of(state.SubjectLabel)} » de {NeedDisplay.CompanyName(state.Company)} ({NeedDisplay.Commune(state.Company)}), "
                + $"qui vous avait été transmis le {FrenchDates.Day(sentAt)}, a été annulé par l'équipe {ServiceName} "
                + $"le {FrenchDates.DayAndTime(cancellation.At)}.")
            .Heading("Motif de l'annulation")
            .Quote(cancellation.Reason)
            .Paragraph(
                "Vous n'avez plus rien à faire sur ce besoin : il n'attend plus de réponse. "
                + "Il reste consultable dans vos besoins reçus, onglet « Expirés ou annulés ».")
            .Button("Voir le besoin annulé", link)
            .Paragraph(PersonalLink);
        return SignAndFoot(document, links.SiteUrl).Build(effect.RecipientEmail, $"Besoin annulé : {NeedTitle(state)}");
    }

    /// <summary>"Marie Martin (CCI Lyon Métropole)", or the team's name for an operator's comment.</summary>
    private static string CommentAuthor(NeedComment comment) => comment.Institution is null
        ? SingleLine.Of(comment.AuthorName)
        : NeedDisplay.AdvisorWithInstitution(comment.AuthorName, comment.Institution);

    private static void CompanyAndContact(EmailDocument document, NeedState state) => document
        .Heading("L'entreprise")
        .Facts(
        [
            ("Nom", NeedDisplay.CompanyName(state.Company) + Unverified(state.Company)),
            ("SIRET", NeedDisplay.Siret(state.Company.Siret)),
            ("Commune", NeedDisplay.CommuneWithCode(state.Company) + Unverified(state.Company)),
        ])
        .Heading("Le contact")
        .Facts(
        [
            ("Nom", state.Contact.FullName),
            ("Téléphone", NeedDisplay.Phone(state.Contact.Phone)),
            ("Email", state.Contact.Email),
        ]);

    /// <summary>The registry did not answer at submission: name and commune are as the company typed them.</summary>
    private static string Unverified(NeedCompany company) => company.Verified == false ? " (non vérifié)" : string.Empty;

    private static Uri AdvisorLink(EmailLinks links) =>
        links.AdvisorNeedLink ?? throw new ArgumentException("An advisor email needs the advisor's signed need-sheet link.", nameof(links));

    private static NeedMatch? RecipientMatch(SendEmail effect, NeedState state) =>
        effect.AdvisorId is null ? null : state.MatchOf(effect.AdvisorId);
}
