using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.Core.Needs;
using static ConseillersEntreprises.Integration.Tests.Email.NeedEmailFixtures;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>Every need email, rendered from effects the real decider emits: recipients, wording, links, encoding.</summary>
public sealed class NeedEmailRendererTests
{
    private const string Subject = "Difficultés de trésorerie";
    private const string Title = "Difficultés de trésorerie — MENUISERIE DUPONT & FILS, Penne-d'Agenais";

    private readonly NeedEmailRenderer _renderer = new();

    public static TheoryData<EmailTemplate> SendEmailTemplates() =>
        [.. Enum.GetValues<EmailTemplate>().Where(t => t != EmailTemplate.OperatorAlert)];

    // ---- Advisors

    [Fact]
    public void New_need_goes_to_the_advisor_with_the_company_the_contact_the_request_and_the_other_institutions()
    {
        var submitted = Submit(Marie, Paul);

        var email = _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed, "a"), submitted.State, ForAdvisor);

        Assert.Equal("marie.martin@cci47.example.fr", email.To);
        Assert.Equal($"Nouveau besoin : {Title}", email.Subject);
        email.Says("Bonjour Marie Martin,");
        email.Says("vous a été transmise le lundi 2 mars 2026 à 10h00");
        email.Says("Nom : MENUISERIE DUPONT & FILS");
        email.Says("SIRET : 732 829 320 00074");
        email.Says("Commune : Penne-d'Agenais (47203)");
        email.Says("Nom : Camille Dupont");
        email.Says("Téléphone : 06 12 34 56 78");
        email.Says("Email : camille.dupont@example.fr");
        email.Says("Nous avons un retard de paiement important d'un client.");
        email.Says("Nous devons payer nos fournisseurs ce mois-ci.");
        email.Says("Autres institutions sollicitées");
        email.Says("Urssaf Aquitaine (Urssaf Agen)");
        email.Says("appeler l'entreprise dans les 5 jours");
        email.Links(AdvisorLink, "Voir le besoin et répondre");
        Assert.DoesNotContain("CCI Lot-et-Garonne (CCI Agen)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<br>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Company_facts_the_registry_could_not_confirm_are_marked_not_verified()
    {
        var unverified = Accept(null, Submitted(Description, Company with { Verified = false }, Marie));
        var verified = Accept(null, Submitted(Description, Company with { Verified = true }, Marie));

        var email = _renderer.Render(unverified.Email(EmailTemplate.AdvisorNewNeed), unverified.State, ForAdvisor);
        var usual = _renderer.Render(verified.Email(EmailTemplate.AdvisorNewNeed), verified.State, ForAdvisor);

        email.Says("Nom : MENUISERIE DUPONT & FILS (non vérifié)");
        email.Says("Commune : Penne-d'Agenais (47203) (non vérifié)");
        usual.DoesNotSay("non vérifié");
    }

    [Fact]
    public void New_need_to_a_single_advisor_says_so()
    {
        var submitted = Submit(Marie);

        var email = _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed), submitted.State, ForAdvisor);

        email.Says("Vous êtes le seul conseiller à avoir reçu ce besoin.");
    }

    [Fact]
    public void New_need_to_an_advisor_added_later_shows_the_positions_of_the_others()
    {
        var state = Submit(Paul).State.Position("b", MatchStatus.TakingCare);
        var added = Accept(state, new AdvisorAdded("ops@example.fr", Marie), T0.AddDays(2));

        var email = _renderer.Render(added.Email(EmailTemplate.AdvisorNewNeed, "a"), added.State, ForAdvisor);

        email.Says("Urssaf Aquitaine (Urssaf Agen) : pris en charge");
        email.Says("vous a été transmise le mercredi 4 mars 2026 à 10h00");
    }

    [Fact]
    public void Reminder_tells_the_advisor_the_need_still_waits_for_an_answer()
    {
        var reminded = Submit(Marie, Paul).State.Fire(TimerKind.Reminder);

        var email = _renderer.Render(reminded.Email(EmailTemplate.AdvisorReminder, "b"), reminded.State, ForAdvisor);

        Assert.Equal("paul.bernard@urssaf.example.fr", email.To);
        Assert.Equal($"Rappel : {Title}", email.Subject);
        email.Says("vous a été transmis le lundi 2 mars 2026 et attend toujours votre réponse");
        email.Says("Téléphone : 06 12 34 56 78");
        email.Says("Nous avons un retard de paiement important d'un client.");
        email.Links(AdvisorLink, "Voir le besoin et répondre");
    }

    [Fact]
    public void Last_chance_gives_the_date_the_need_will_be_closed()
    {
        var lastChance = Submit(Marie).State.Fire(TimerKind.LastChance);

        var email = _renderer.Render(lastChance.Email(EmailTemplate.AdvisorLastChance), lastChance.State, ForAdvisor);

        Assert.Equal("marie.martin@cci47.example.fr", email.To);
        Assert.Equal($"Dernière relance : {Title}", email.Subject);
        email.Says("n'a encore été pris en charge par aucun conseiller");
        email.Says("Sans réponse d'ici le jeudi 16 avril 2026, il sera clos");
        email.Links(AdvisorLink, "Voir le besoin et répondre");
    }

    [Fact]
    public void New_comment_quotes_the_comment_with_its_author_and_institution()
    {
        var state = Submit(Marie, Paul).State.Position("a", MatchStatus.TakingCare).Position("b", MatchStatus.TakingCare);
        var posted = Accept(state, CommentPosted.ByAdvisor("a", "J'appelle l'entreprise demain matin.\nJe vous tiens au courant."), T0.AddDays(1))
            .State.Fire(TimerKind.CommentNotice);

        var email = _renderer.Render(posted.Email(EmailTemplate.AdvisorNewComment, "b"), posted.State, ForAdvisor);

        Assert.Equal("paul.bernard@urssaf.example.fr", email.To);
        Assert.Equal($"Nouveau commentaire de Marie Martin : {Title}", email.Subject);
        email.Says("Marie Martin (CCI Lot-et-Garonne) a écrit le mardi 3 mars 2026 à 10h00");
        email.Says("J'appelle l'entreprise demain matin. Je vous tiens au courant.");
        Assert.Contains("> J'appelle l'entreprise demain matin.\n> Je vous tiens au courant.\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<blockquote", email.HtmlBody, StringComparison.Ordinal);
        email.Links(AdvisorLink, "Voir le besoin et répondre");
    }

    [Fact]
    public void Comments_of_one_notice_window_are_quoted_together_oldest_first()
    {
        var state = Submit(Marie, Paul).State.Position("a", MatchStatus.TakingCare).Position("b", MatchStatus.TakingCare);
        var first = Accept(state, CommentPosted.ByAdvisor("a", "J'appelle l'entreprise demain matin."), T0.AddDays(1));
        var second = Accept(first.State, CommentPosted.ByOperator("ops@example.fr", "Pensez au prêt d'honneur."), T0.AddDays(1).AddMinutes(2));
        var notice = second.State.Fire(TimerKind.CommentNotice);

        var email = _renderer.Render(notice.Email(EmailTemplate.AdvisorNewComment, "b"), notice.State, ForAdvisor);

        Assert.Equal($"2 nouveaux commentaires : {Title}", email.Subject);
        email.Says("2 nouveaux commentaires ont été écrits sur le besoin");
        email.Says("Marie Martin (CCI Lot-et-Garonne), le mardi 3 mars 2026 à 10h00");
        email.Says("L'équipe Conseillers-Entreprises, le mardi 3 mars 2026 à 10h02");
        var text = email.TextBody;
        Assert.True(
            text.IndexOf("J'appelle l'entreprise demain matin.", StringComparison.Ordinal) < text.IndexOf("Pensez au prêt d'honneur.", StringComparison.Ordinal),
            "oldest comment first");
        email.Links(AdvisorLink, "Voir le besoin et répondre");
    }

    [Fact]
    public void An_operators_comment_is_signed_by_the_team()
    {
        var posted = Accept(Submit(Marie).State, CommentPosted.ByOperator("ops@example.fr", "Merci de rappeler l'entreprise."), T0.AddDays(1))
            .State.Fire(TimerKind.CommentNotice);

        var email = _renderer.Render(posted.Email(EmailTemplate.AdvisorNewComment), posted.State, ForAdvisor);

        email.Says("L'équipe Conseillers-Entreprises a écrit le mardi 3 mars 2026 à 10h00");
        email.Says("Merci de rappeler l'entreprise.");
    }

    [Fact]
    public void A_cancelled_need_tells_each_advisor_the_operator_s_reason_and_that_nothing_more_is_expected()
    {
        var state = Submit(Marie, Paul).State.Position("a", MatchStatus.TakingCare);
        var cancelled = Accept(state, new NeedCancelled("ops@example.fr", "Doublon d'une demande du 1er mars"), new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.FromHours(1)));

        var email = _renderer.Render(cancelled.Email(EmailTemplate.AdvisorNeedCancelled, "b"), cancelled.State, ForAdvisor);

        Assert.Equal("paul.bernard@urssaf.example.fr", email.To);
        Assert.Equal($"Besoin annulé : {Title}", email.Subject);
        email.Says("Bonjour Paul Bernard,");
        email.Says("Le besoin « Difficultés de trésorerie » de MENUISERIE DUPONT & FILS (Penne-d'Agenais), qui vous avait été transmis le lundi 2 mars 2026, "
            + "a été annulé par l'équipe Conseillers-Entreprises le mardi 3 mars 2026 à 09h30.");
        email.Says("Motif de l'annulation");
        email.Says("Doublon d'une demande du 1er mars");
        email.Says("Vous n'avez plus rien à faire sur ce besoin");
        email.Links(AdvisorLink, "Voir le besoin annulé");
        email.DoesNotSay("ops@example.fr");
        email.DoesNotSay("répondre");
    }

    [Fact]
    public void Advisor_login_link_gives_the_link_and_its_expiry_in_paris_time()
    {
        var inbox = new Uri("https://site.example.fr/conseiller/#jeton=tok.en");

        var email = _renderer.RenderAdvisorLoginLink("marie.martin@cci47.example.fr", "Marie Martin", inbox, new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal("marie.martin@cci47.example.fr", email.To);
        Assert.Equal("Votre lien d'accès à vos besoins reçus sur Conseillers-Entreprises", email.Subject);
        email.Says("Bonjour Marie Martin,");
        email.Says("valable jusqu'au mercredi 1er avril 2026 à 12h00");
        email.Says("Si vous n'avez pas demandé ce lien, ignorez ce message");
        email.Links(inbox, "Ouvrir mes besoins reçus");
    }

    // ---- Company

    [Fact]
    public void Confirmation_names_the_institutions_once_each_never_the_advisors_and_gives_the_follow_up_link()
    {
        var submitted = Submit(Marie, Paul, Luc);

        var email = _renderer.Render(submitted.Email(EmailTemplate.CompanyConfirmation), submitted.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Votre demande a bien été transmise — {Subject}", email.Subject);
        email.Says("Bonjour Camille Dupont,");
        email.Says("Nous avons bien reçu votre demande du lundi 2 mars 2026");
        email.Says("et nous l'avons transmise aux conseillers de : CCI Lot-et-Garonne Urssaf Aquitaine Et maintenant ?");
        Assert.Contains("- CCI Lot-et-Garonne\n- Urssaf Aquitaine\n", email.TextBody, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.TextBody, "CCI Lot-et-Garonne"));
        email.Says("Ces conseillers vont étudier votre demande et vous appeler dans les prochains jours au 06 12 34 56 78.");
        email.Says("Nous avons un retard de paiement important d'un client.");
        email.Links(FollowUpLink, "Suivre ma demande");
        email.DoesNotSay("Marie Martin");
        email.DoesNotSay("Luc Petit");
        email.DoesNotSay("Paul Bernard");
        email.DoesNotSay("@cci47.example.fr");
    }

    [Fact]
    public void Unrouted_confirmation_says_the_team_is_finding_the_right_advisor()
    {
        var submitted = Submit();

        var email = _renderer.Render(submitted.Email(EmailTemplate.CompanyConfirmationUnrouted), submitted.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Votre demande a bien été reçue — {Subject}", email.Subject);
        email.Says("Notre équipe recherche le conseiller le mieux placé pour vous répondre");
        email.Links(FollowUpLink, "Suivre ma demande");
    }

    [Fact]
    public void Taken_on_names_each_advisor_and_institution()
    {
        var state = Submit(Marie, Paul, Luc).State.Position("a", MatchStatus.TakingCare).Position("b", MatchStatus.TakingCare);
        var notice = state.Fire(TimerKind.TakenOnNotice);

        var email = _renderer.Render(notice.Email(EmailTemplate.CompanyTakenOn), notice.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Votre demande est prise en charge — {Subject}", email.Subject);
        email.Says("Marie Martin (CCI Lot-et-Garonne) va vous contacter.");
        email.Says("Paul Bernard (Urssaf Aquitaine) va vous contacter.");
        email.Says("Ils vous appelleront au 06 12 34 56 78");
        email.DoesNotSay("Luc Petit");
        email.Links(FollowUpLink, "Suivre ma demande");
    }

    [Fact]
    public void Taken_on_says_va_vous_contacter_only_of_advisors_still_taking_care()
    {
        // Marie took the need on and closed it within the notice's delay; Paul is on it.
        var state = Submit(Marie, Paul).State
            .Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done)
            .Position("b", MatchStatus.TakingCare);
        var notice = state.Fire(TimerKind.TakenOnNotice);

        var email = _renderer.Render(notice.Email(EmailTemplate.CompanyTakenOn), notice.State, ForCompany);

        email.Says("Paul Bernard (Urssaf Aquitaine) va vous contacter.");
        email.Says("Marie Martin (CCI Lot-et-Garonne) a pris en charge votre demande et l'a depuis clôturée.");
        email.Says("Il vous appellera au 06 12 34 56 78");
        email.DoesNotSay("Marie Martin (CCI Lot-et-Garonne) va vous contacter");
        email.DoesNotSay("Ils vous appelleront");
    }

    [Fact]
    public void Taken_on_rendered_after_the_advisor_closed_names_nobody_as_about_to_call()
    {
        // The notice fired while Marie took care; the email goes out from a later snapshot, once she closed.
        var notice = Submit(Marie).State.Position("a", MatchStatus.TakingCare).Fire(TimerKind.TakenOnNotice);
        var closedSince = notice.State.Position("a", MatchStatus.Done);

        var email = _renderer.Render(notice.Email(EmailTemplate.CompanyTakenOn), closedSince, ForCompany);

        email.Says("Marie Martin (CCI Lot-et-Garonne) a pris en charge votre demande et l'a depuis clôturée.");
        email.DoesNotSay("va vous contacter");
        email.DoesNotSay("vous appellera");
    }

    [Fact]
    public void Confirmation_to_a_single_advisor_speaks_of_one_advisor()
    {
        var submitted = Submit(Marie);

        var email = _renderer.Render(submitted.Email(EmailTemplate.CompanyConfirmation), submitted.State, ForCompany);

        email.Says("et nous l'avons transmise au conseiller de : CCI Lot-et-Garonne Et maintenant ?");
        email.Says("Ce conseiller va étudier votre demande et vous appeler dans les prochains jours au 06 12 34 56 78.");
        email.DoesNotSay("aux conseillers");
        email.DoesNotSay("Ces conseillers");
    }

    [Fact]
    public void Still_following_reassures_the_company()
    {
        var followUp = Submit(Marie).State.Fire(TimerKind.CompanyFollowUp);

        var email = _renderer.Render(followUp.Email(EmailTemplate.CompanyStillFollowing), followUp.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Nous suivons votre demande — {Subject}", email.Subject);
        email.Says("Votre demande du lundi 2 mars 2026");
        email.Says("n'a pas encore été prise en charge par un conseiller");
        email.Says("Nous la suivons de près");
        email.Links(FollowUpLink, "Suivre ma demande");
    }

    [Fact]
    public void Missed_call_gives_the_advisors_contact_to_call_back()
    {
        var state = Submit(Marie, Paul).State.Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.DoneNotReachable);
        var notice = state.Fire(TimerKind.MissedCallNotice);

        var email = _renderer.Render(notice.Email(EmailTemplate.CompanyMissedCall), notice.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Un conseiller a essayé de vous joindre — {Subject}", email.Subject);
        email.Says("Un conseiller a essayé de vous joindre au 06 12 34 56 78");
        email.Says("Marie Martin (CCI Lot-et-Garonne) : marie.martin@cci47.example.fr");
        email.Says("recontactez ce conseiller par email");
        email.DoesNotSay("Paul Bernard");
        email.Links(FollowUpLink, "Suivre ma demande");
    }

    [Fact]
    public void Fallback_after_every_refusal_offers_other_resources_and_a_way_to_reach_the_team()
    {
        var state = Submit(Marie).State;
        var refused = Accept(state, new PositionChanged("a", MatchStatus.NotForMe, "Hors de notre champ."));

        var email = _renderer.Render(refused.Email(EmailTemplate.CompanyFallback), refused.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Votre demande « {Subject} » : d'autres pistes pour vous aider", email.Subject);
        email.Says("les conseillers sollicités nous ont indiqué ne pas pouvoir vous aider");
        email.Says("D'autres ressources pour vous aider");
        email.Links(new Uri("https://entreprendre.service-public.fr/"), "Entreprendre.Service-Public.fr");
        Assert.Contains(Anchors(email.HtmlBody), a => a.Href == "https://www.cci.fr/");
        Assert.Contains(Anchors(email.HtmlBody), a => a.Href == "https://www.artisanat.fr/");
        email.Says("répondez simplement à ce message");
        email.Links(SiteUrl, "Déposer une nouvelle demande");
        email.DoesNotSay("Hors de notre champ.");
    }

    [Fact]
    public void Fallback_after_abandon_says_nobody_took_the_need_on_in_time()
    {
        var abandoned = Submit(Marie).State.Fire(TimerKind.Abandon);

        var email = _renderer.Render(abandoned.Email(EmailTemplate.CompanyFallback), abandoned.State, ForCompany);

        email.Says("malgré nos relances, aucun conseiller n'a pu prendre en charge votre demande dans les délais");
        email.Says("déposée le lundi 2 mars 2026");
    }

    [Fact]
    public void Satisfaction_survey_links_to_the_follow_up_page()
    {
        var state = Submit(Marie, Paul).State.Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done);
        var survey = state.Fire(TimerKind.Satisfaction);

        var email = _renderer.Render(survey.Email(EmailTemplate.CompanySatisfactionSurvey), survey.State, ForCompany);

        Assert.Equal("camille.dupont@example.fr", email.To);
        Assert.Equal($"Votre avis sur l'accompagnement reçu — {Subject}", email.Subject);
        email.Says("a été accompagnée par les conseillers de CCI Lot-et-Garonne");
        email.Links(FollowUpLink, "Donner mon avis sur l'accompagnement");
    }

    // ---- Operators

    [Fact]
    public void Operator_alert_for_an_unrouted_need_gives_the_reason_the_need_and_the_admin_link()
    {
        var submitted = Submit();
        var admin = new Uri("https://site.example.fr/operateur/#besoin=need-1");

        var email = _renderer.RenderOperatorAlert(submitted.Alert(OperatorBasket.Unrouted), submitted.State, "ops@example.fr", admin);

        Assert.Equal("ops@example.fr", email.To);
        Assert.Equal($"[Sans conseiller] {Title}", email.Subject);
        email.Says("Un besoin vient d'entrer dans le panier « Sans conseiller » du suivi qualité.");
        email.Says("Aucun conseiller compétent n'a été trouvé pour ce besoin");
        email.Says("Référence : need-1");
        email.Says("Statut : sans conseiller");
        email.Says("Contact : Camille Dupont, 06 12 34 56 78, camille.dupont@example.fr");
        email.Says("Nous avons un retard de paiement important d'un client.");
        email.Links(admin, "Ouvrir le besoin dans l'espace opérateur");
        Assert.Contains("href=\"https://site.example.fr/operateur/#besoin=need-1\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Operator_alert_for_no_answer_lists_the_advisors_without_answer()
    {
        var state = Submit(Marie, Paul).State.Position("b", MatchStatus.NotForMe);
        var followUp = state.Fire(TimerKind.CompanyFollowUp);

        var email = _renderer.RenderOperatorAlert(followUp.Alert(OperatorBasket.NoAnswer), followUp.State, "ops@example.fr", SiteUrl);

        Assert.Equal($"[Sans réponse à J+9] {Title}", email.Subject);
        email.Says("Conseillers sans réponse Marie Martin (CCI Lot-et-Garonne, CCI Agen) — marie.martin@cci47.example.fr");
        email.Says("Paul Bernard (Urssaf Aquitaine, Urssaf Agen) — paul.bernard@urssaf.example.fr : refusé (pas pour moi)");
    }

    [Fact]
    public void Operator_alert_for_an_abandoned_need_calls_it_abandoned_never_refused()
    {
        var state = Submit(Marie, Paul).State.Position("b", MatchStatus.NotForMe);
        var abandoned = state.Fire(TimerKind.Abandon);

        var email = _renderer.RenderOperatorAlert(abandoned.Alert(OperatorBasket.Abandoned), abandoned.State, "ops@example.fr", SiteUrl);

        Assert.Equal($"[Abandonné] {Title}", email.Subject);
        email.Says("Statut : abandonné (personne ne l'a pris en charge dans les délais)");
        email.Says("Marie Martin (CCI Lot-et-Garonne, CCI Agen) — marie.martin@cci47.example.fr : abandonné (sans réponse dans les délais)");
        email.DoesNotSay("refusé par tous");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_status_operators_read_of_a_cancelled_need_is_cancelled_whatever_its_matches(bool refusedByAll)
    {
        var state = refusedByAll ? Submit(Marie).State.Position("a", MatchStatus.NotForMe) : Submit().State;

        var cancelled = state.Then(new NeedCancelled("ops@example.fr", "Doublon"));

        Assert.Equal("annulé", NeedDisplay.Status(cancelled));
        Assert.Equal(refusedByAll ? "refusé par tous les conseillers" : "sans conseiller", NeedDisplay.Status(state));
    }

    // ---- Every template

    [Theory]
    [MemberData(nameof(SendEmailTemplates))]
    public void Every_template_is_an_accessible_french_email_whose_text_and_html_parts_carry_the_same_links(EmailTemplate template)
    {
        var (effect, state, links) = AnyEffect(template);

        var email = _renderer.Render(effect, state, links);

        Assert.Equal(effect.RecipientEmail, email.To);
        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(email.Subject, Title(email.HtmlBody));
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('<', email.TextBody);
        Assert.EndsWith("\n", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', email.TextBody);
        email.Says("Bonjour");
        email.Says("L'équipe Conseillers-Entreprises");
        email.Links(SiteUrl, "Le site Conseillers-Entreprises");

        var anchors = Anchors(email.HtmlBody);
        Assert.All(anchors, a => Assert.False(string.IsNullOrWhiteSpace(a.Label)));
        Assert.All(anchors, a => Assert.DoesNotContain("http", a.Label, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(anchors.Select(a => a.Href).Order(StringComparer.Ordinal), TextLinks(email.TextBody).Order(StringComparer.Ordinal));
        Assert.Equal(Visible(email.HtmlBody), Content(email.TextBody));

        if (template == EmailTemplate.AdvisorNeedCancelled)
        {
            email.Links(AdvisorLink, "Voir le besoin annulé"); // nothing to answer any more
        }
        else if (template.ToString().StartsWith("Advisor", StringComparison.Ordinal))
        {
            email.Links(AdvisorLink, "Voir le besoin et répondre");
        }
        else
        {
            email.DoesNotSay(AdvisorLink.AbsoluteUri);
        }
    }

    [Theory]
    [MemberData(nameof(SendEmailTemplates))]
    public void Every_template_encodes_in_html_and_keeps_verbatim_in_text_what_companies_and_advisors_wrote(EmailTemplate template)
    {
        var (effect, state, links) = AnyEffect(template, hostile: true);

        var email = _renderer.Render(effect, state, links);

        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<i>", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain("\nBcc:", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_and_image_in_the_description_are_encoded_in_html_and_verbatim_in_text()
    {
        var submitted = Accept(null, Submitted($"Bonjour {ScriptAttack} et {ImageAttack} merci", Company, Marie));

        foreach (var email in new[]
        {
            _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed), submitted.State, ForAdvisor),
            _renderer.Render(submitted.Email(EmailTemplate.CompanyConfirmation), submitted.State, ForCompany),
        })
        {
            Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", email.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"> Bonjour {ScriptAttack} et {ImageAttack} merci\n", email.TextBody, StringComparison.Ordinal);
            email.Says($"Bonjour {ScriptAttack} et {ImageAttack} merci");
        }
    }

    [Fact]
    public void Script_and_image_in_a_comment_are_encoded_in_html_and_verbatim_in_text()
    {
        var state = Submit(Marie, Paul).State.Position("b", MatchStatus.TakingCare);
        var posted = Accept(state, CommentPosted.ByAdvisor("a", $"Voir {ScriptAttack}\n{ImageAttack}"), T0.AddHours(2))
            .State.Fire(TimerKind.CommentNotice);

        var email = _renderer.Render(posted.Email(EmailTemplate.AdvisorNewComment, "b"), posted.State, ForAdvisor);

        Assert.Contains("Voir &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;<br>\n&lt;img src=x onerror=alert(1)&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"> Voir {ScriptAttack}\n> {ImageAttack}\n", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_from_companies_and_advisors_are_encoded_and_subjects_lose_their_line_breaks()
    {
        var company = Company with { Name = "<i>ACME</i>\r\nBcc: victim@example.fr" };
        var advisor = Marie with { AdvisorName = "Marie <b>Martin</b>", InstitutionName = "CCI\n<script>x</script>" };
        var submitted = Accept(null, Submitted(Description, company, advisor));
        var takenOn = submitted.State.Position("a", MatchStatus.TakingCare).Fire(TimerKind.TakenOnNotice);

        var newNeed = _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed), submitted.State, ForAdvisor);
        var notice = _renderer.Render(takenOn.Email(EmailTemplate.CompanyTakenOn), takenOn.State, ForCompany);

        Assert.Equal("Nouveau besoin : Difficultés de trésorerie — <i>ACME</i> Bcc: victim@example.fr, Penne-d'Agenais", newNeed.Subject);
        Assert.Contains("&lt;i&gt;ACME&lt;/i&gt; Bcc: victim@example.fr", newNeed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("- Nom : <i>ACME</i> Bcc: victim@example.fr\n", newNeed.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Marie &lt;b&gt;Martin&lt;/b&gt;,", newNeed.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Marie &lt;b&gt;Martin&lt;/b&gt; (CCI &lt;script&gt;x&lt;/script&gt;) va vous contacter.", notice.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("- Marie <b>Martin</b> (CCI <script>x</script>) va vous contacter.\n", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", notice.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_company_without_name_or_commune_name_is_named_by_its_siret_and_commune_code()
    {
        var submitted = Accept(null, Submitted(Description, Company with { Name = null, CommuneName = null }, Marie));

        var email = _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed), submitted.State, ForAdvisor);

        Assert.Equal("Nouveau besoin : Difficultés de trésorerie — Établissement SIRET 732 829 320 00074, commune 47203", email.Subject);
    }

    // ---- Misuse

    [Fact]
    public void An_advisor_email_without_its_signed_link_is_refused()
    {
        var submitted = Submit(Marie);

        Assert.Throws<ArgumentException>(() => _renderer.Render(submitted.Email(EmailTemplate.AdvisorNewNeed), submitted.State, ForCompany));
    }

    [Fact]
    public void A_survey_without_the_follow_up_link_is_refused()
    {
        var survey = Submit(Marie).State.Position("a", MatchStatus.TakingCare).Position("a", MatchStatus.Done).Fire(TimerKind.Satisfaction);

        Assert.Throws<ArgumentException>(() => _renderer.Render(survey.Email(EmailTemplate.CompanySatisfactionSurvey), survey.State, new EmailLinks(null, null, SiteUrl)));
    }

    [Fact]
    public void An_effect_of_another_need_an_unknown_comment_or_an_operator_alert_template_is_refused()
    {
        var state = Submit(Marie).State;
        var other = new SendEmail("x", "need-2", EmailTemplate.CompanyConfirmation, "a@example.fr", "A", null);
        var unknownComment = new SendEmail("x", NeedId, EmailTemplate.AdvisorNewComment, Marie.Email, Marie.AdvisorName, "a") { CommentIds = ["c99"] };
        var alert = new SendEmail("x", NeedId, EmailTemplate.OperatorAlert, "ops@example.fr", "Ops", null);

        Assert.Throws<ArgumentException>(() => _renderer.Render(other, state, ForCompany));
        Assert.Throws<ArgumentException>(() => _renderer.Render(unknownComment, state, ForAdvisor));
        Assert.Throws<ArgumentException>(() => _renderer.Render(alert, state, ForCompany));
    }

    [Fact]
    public void Subject_lines_are_one_line_and_bounded()
    {
        Assert.Equal("a b c d", SingleLine.Subject("a\r\nb\tc\u2028\u202Ed"));
        var longOne = SingleLine.Subject(new string('é', 500));
        Assert.Equal(SingleLine.MaxSubjectLength, longOne.Length);
        Assert.EndsWith("…", longOne, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+33612345678", "06 12 34 56 78")]
    [InlineData("+33123456789", "01 23 45 67 89")]
    [InlineData("+262262123456", "02 62 12 34 56")]
    [InlineData("+687123456", "+687123456")]
    [InlineData("+4915112345678", "+4915112345678")]
    public void Phone_numbers_are_written_the_french_way_when_they_are_french(string stored, string shown) =>
        Assert.Equal(shown, NeedDisplay.Phone(stored));

    [Fact]
    public void A_taken_on_effect_without_advisors_names_those_taking_care_in_the_state()
    {
        var state = Submit(Marie, Paul).State.Position("b", MatchStatus.TakingCare);
        var effect = new SendEmail("e", NeedId, EmailTemplate.CompanyTakenOn, Contact.Email, Contact.FullName, null);

        var email = _renderer.Render(effect, state, ForCompany);

        email.Says("Paul Bernard (Urssaf Aquitaine) va vous contacter.");
        email.Says("Il vous appellera au 06 12 34 56 78");
        email.DoesNotSay("Marie Martin");
    }

    /// <summary>A state and an effect of that template, with the links its recipient gets.</summary>
    private static (SendEmail Effect, NeedState State, EmailLinks Links) AnyEffect(EmailTemplate template, bool hostile = false)
    {
        var description = hostile ? $"{Description}\n{ScriptAttack} {ImageAttack}" : Description;
        var company = hostile ? Company with { Name = "<i>ACME</i>\r\nBcc: victim@example.fr" } : Company;
        var marie = hostile ? Marie with { AdvisorName = "Marie <b>Martin</b>\nBcc: x@example.fr" } : Marie;
        var comment = hostile ? $"{ScriptAttack}\n{ImageAttack}" : "J'appelle l'entreprise demain.";
        var state = Accept(null, Submitted(description, company, marie, Paul)).State
            .Position("a", MatchStatus.TakingCare)
            .Then(CommentPosted.ByAdvisor("a", comment));
        var commentId = state.Comments[^1].Id;
        if (template == EmailTemplate.AdvisorNeedCancelled)
        {
            state = state.Then(new NeedCancelled("ops@example.fr", hostile ? $"Doublon {ScriptAttack}\n{ImageAttack}" : "Doublon d'une autre demande"));
        }

        var advisors = new[] { EmailAdvisor.Of(state.Matches[0]) };
        var toAdvisor = template.ToString().StartsWith("Advisor", StringComparison.Ordinal);
        var effect = toAdvisor
            ? new SendEmail("e", NeedId, template, Paul.Email, Paul.AdvisorName, "b") { CommentIds = [commentId] }
            : new SendEmail("e", NeedId, template, Contact.Email, Contact.FullName, null) { Advisors = advisors };
        return (effect, state, toAdvisor ? ForAdvisor : ForCompany);
    }
}
