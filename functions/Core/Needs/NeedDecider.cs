using System.Globalization;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Core.Time;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The per-need workflow, as a pure decider: <c>(state, event, now, schedule) → accepted (state', effects) | rejected</c>.
/// No I/O and no clock: the caller stores the new state, the event and the effects in one transaction, and carries the
/// effects out at least once (their ids make that idempotent). Deciding the same event on the same state gives the
/// same result, effect ids included. See PRODUCT.md (Lifecycle) for the rules.
/// </summary>
public static class NeedDecider
{
    private const string OperatorsDisplayName = "L'équipe Conseillers-Entreprises";

    /// <summary>The statuses an advisor may move its match to from <paramref name="status"/> (for the UI).</summary>
    public static IReadOnlyList<MatchStatus> AllowedTransitions(MatchStatus status) => MatchTransitions.AllowedTransitions(status);

    public static DecisionResult Decide(NeedState? state, NeedEvent @event, DateTimeOffset now, WorkflowSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(schedule);

        if (@event is NeedSubmitted submitted)
        {
            return state is null
                ? Submit(submitted, now, schedule)
                : Reject(RejectionCode.AlreadySubmitted, "Ce besoin a déjà été enregistré.");
        }

        if (state is null)
        {
            return Reject(RejectionCode.UnknownNeed, "Ce besoin est introuvable.");
        }

        if (@event is TimerDue timer)
        {
            return OnTimer(state, timer, now);
        }

        if (state.IsAnonymized)
        {
            return Reject(RejectionCode.Anonymized, "Les données de ce besoin ont été anonymisées : il ne peut plus changer.");
        }

        if (@event is NeedAnonymized anonymized)
        {
            // Whatever became of the need (cancelled, abandoned, closed): its data goes when its time or its owner says so.
            return Anonymize(state, anonymized, now);
        }

        // Before the cancelled check: rejecting twice answers as the first time did.
        switch (@event)
        {
            case NeedApproved approved:
                return Approve(state, approved, now, schedule);
            case NeedRejected rejected:
                return RejectHeld(state, rejected, now);
        }

        if (state.IsHeld && @event is AdvisorAdded or SubjectChosen)
        {
            return Reject(RejectionCode.Held, "Ce besoin attend une vérification : validez-le ou rejetez-le avant de le transmettre.");
        }

        if (state.IsCancelled)
        {
            return Reject(RejectionCode.Cancelled, "Ce besoin a été annulé par l'équipe Conseillers-Entreprises.");
        }

        if (@event is NeedCancelled cancelled)
        {
            return Cancel(state, cancelled, now);
        }

        if (state.IsAbandoned)
        {
            return Reject(RejectionCode.Closed, "Ce besoin est clos : personne ne l'a pris en charge dans les délais.");
        }

        return @event switch
        {
            PositionChanged changed => ChangePosition(state, changed, now, schedule),
            CommentPosted comment => PostComment(state, comment, now, schedule),
            AdvisorAdded added => AddAdvisor(state, added, now, schedule),
            SubjectChosen chosen => ChooseSubject(state, chosen, now, schedule),
            NeedReassigned reassigned => Reassign(state, reassigned, now),
            SatisfactionGiven answer => GiveSatisfaction(state, answer, now),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown need event."),
        };
    }

    private static DecisionResult Submit(NeedSubmitted e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        if (string.IsNullOrWhiteSpace(e.NeedId) || e.Company is null || e.Contact is null || e.Advisors is null)
        {
            return Reject(RejectionCode.InvalidEvent, "Le besoin déposé est incomplet.");
        }

        var state = new NeedState
        {
            NeedId = e.NeedId,
            Version = 1,
            SubjectId = e.SubjectId,
            SubjectLabel = e.SubjectLabel,
            Description = e.Description,
            CreatedAt = now,
            Company = e.Company,
            Contact = e.Contact,
            Source = e.Source,
            Matches = [.. e.Advisors.DistinctBy(a => a.AdvisorId, StringComparer.Ordinal).Select(a => NeedMatch.Dispatch(a, now))],
        };
        if (e.HoldReasons is { Count: > 0 } reasons)
        {
            return Hold(state with { Matches = [], Moderation = new NeedModeration { Reasons = [.. reasons], HeldAt = now } });
        }

        var draft = new Draft(null, state);

        if (state.IsUnrouted)
        {
            draft.Alert(
                OperatorBasket.Unrouted,
                state.IsOutsideCatalogue
                    ? "Besoin hors catalogue : choisissez son sujet pour le transmettre aux conseillers compétents."
                    : "Aucun conseiller compétent n'a été trouvé pour ce besoin : il faut lui en désigner un.",
                []);
            draft.EmailCompany(EffectIds.CompanyConfirmationUnrouted(state.NeedId), EmailTemplate.CompanyConfirmationUnrouted);
            return draft.Accept();
        }

        foreach (var match in state.Matches)
        {
            draft.EmailAdvisor(EffectIds.AdvisorNewNeed(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNewNeed, match);
            draft.TouchInbox(match.AdvisorId);
        }

        draft.EmailCompany(EffectIds.CompanyConfirmation(state.NeedId), EmailTemplate.CompanyConfirmation);
        StartTimeline(draft, now, schedule);
        return draft.Accept();
    }

    /// <summary>
    /// A doubtful submission waits in the review basket: no advisor hears of it, no timer starts. The person gets the
    /// confirmation that promises nothing yet ("our team is finding the right advisor"), except behind a robot's sign:
    /// the address may be someone else's, so it gets nothing until an operator approves the need.
    /// </summary>
    private static Accepted Hold(NeedState state)
    {
        var draft = new Draft(null, state);
        var reasons = state.Moderation!.Reasons;
        draft.Alert(OperatorBasket.Review, HoldRules.BasketReason(reasons), [], emailOperators: false);
        if (!HoldRules.LooksLikeARobot(reasons))
        {
            draft.EmailCompany(EffectIds.CompanyConfirmationUnrouted(state.NeedId), EmailTemplate.CompanyConfirmationUnrouted);
        }

        return draft.Accept();
    }

    /// <summary>
    /// A held need approved: dispatched at once to the advisors found now, as a submission would have been (timeline
    /// included), and the company told where it went; found nobody, it waits in the unrouted basket. Approving twice
    /// answers with the need as it is.
    /// </summary>
    private static DecisionResult Approve(NeedState state, NeedApproved e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        if (string.IsNullOrWhiteSpace(e.Operator) || e.Advisors is null)
        {
            return Reject(RejectionCode.InvalidEvent, "La validation d'un besoin demande son auteur.");
        }

        switch (state.Moderation)
        {
            case null:
                return Reject(RejectionCode.NotHeld, "Ce besoin n'attend pas de vérification : il a été transmis dès son dépôt.");
            case { ApprovedAt: not null }:
                return Reject(RejectionCode.AlreadyInStatus, "Ce besoin a déjà été validé.");
            case { RejectedAt: not null }:
                return Reject(RejectionCode.AlreadyModerated, "Ce besoin a été rejeté : il ne peut plus être validé.");
        }

        if (state.IsCancelled)
        {
            return Reject(RejectionCode.Cancelled, "Ce besoin a été annulé par l'équipe Conseillers-Entreprises.");
        }

        var draft = new Draft(state);
        var matches = e.Advisors.DistinctBy(a => a.AdvisorId, StringComparer.Ordinal).Select(a => NeedMatch.Dispatch(a, now)).ToList();
        draft.State = draft.State with
        {
            Matches = matches,
            Moderation = state.Moderation with { ApprovedBy = e.Operator, ApprovedAt = now },
        };
        var robot = HoldRules.LooksLikeARobot(state.Moderation.Reasons);
        if (matches.Count == 0)
        {
            draft.Alert(
                OperatorBasket.Unrouted,
                state.IsOutsideCatalogue
                    ? "Besoin hors catalogue validé : choisissez son sujet pour le transmettre aux conseillers compétents."
                    : "Besoin validé, mais aucun conseiller compétent n'a été trouvé : il faut lui en désigner un.",
                []);
            if (robot)
            {
                // Nothing was sent at submission: the confirmation goes now.
                draft.EmailCompany(EffectIds.CompanyConfirmationUnrouted(state.NeedId), EmailTemplate.CompanyConfirmationUnrouted);
            }

            return draft.Accept();
        }

        foreach (var match in matches)
        {
            draft.EmailAdvisor(EffectIds.AdvisorNewNeed(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNewNeed, match);
            draft.TouchInbox(match.AdvisorId);
        }

        draft.EmailCompany(EffectIds.CompanyConfirmation(state.NeedId), EmailTemplate.CompanyConfirmation);
        StartTimeline(draft, now, schedule);
        return draft.Accept();
    }

    /// <summary>
    /// A held need rejected: closed (as a cancellation, so that it leaves every basket and the stats), no advisor ever
    /// told; the company gets a short, polite email, unless a robot's sign held it (the address may not be the sender's).
    /// Rejecting twice answers with the need as it is.
    /// </summary>
    private static DecisionResult RejectHeld(NeedState state, NeedRejected e, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(e.Operator) || string.IsNullOrWhiteSpace(e.Reason))
        {
            return Reject(RejectionCode.InvalidEvent, "Le rejet d'un besoin demande son auteur et un motif.");
        }

        switch (state.Moderation)
        {
            case null:
                return Reject(RejectionCode.NotHeld, "Ce besoin n'attend pas de vérification : il a été transmis dès son dépôt. Annulez-le plutôt.");
            case { RejectedAt: not null }:
                return Reject(RejectionCode.AlreadyInStatus, "Ce besoin a déjà été rejeté.");
            case { ApprovedAt: not null }:
                return Reject(RejectionCode.AlreadyModerated, "Ce besoin a déjà été validé et transmis aux conseillers : annulez-le plutôt.");
        }

        if (state.IsCancelled)
        {
            return Reject(RejectionCode.Cancelled, "Ce besoin a été annulé par l'équipe Conseillers-Entreprises.");
        }

        var reason = e.Reason.Trim();
        var draft = new Draft(state);
        draft.State = draft.State with
        {
            Moderation = state.Moderation with { RejectedBy = e.Operator, RejectedAt = now, RejectionReason = reason },
            Cancellation = new NeedCancellation { Operator = e.Operator, Reason = reason, At = now },
            Timers = [],
        };
        if (!HoldRules.LooksLikeARobot(state.Moderation.Reasons))
        {
            draft.EmailCompany(EffectIds.CompanyNeedRejected(state.NeedId), EmailTemplate.CompanyNeedRejected);
        }

        return draft.Accept();
    }

    /// <summary>The timeline's timers, counted from dispatch: at submission, or when an operator routes an unrouted need.</summary>
    private static void StartTimeline(Draft draft, DateTimeOffset now, WorkflowSchedule schedule)
    {
        DateTimeOffset After(TimeSpan delay) => BusinessCalendar.Deliver(now + delay, schedule.BusinessHoursOnly);

        draft.Schedule(TimerIds.Reminder, TimerKind.Reminder, After(schedule.ExpertReminderAfter));
        draft.Schedule(TimerIds.CompanyFollowUp, TimerKind.CompanyFollowUp, After(schedule.CompanyFollowUpAfter));
        draft.Schedule(TimerIds.LastChance, TimerKind.LastChance, After(schedule.LastChanceAfter));
        draft.Schedule(TimerIds.Abandon, TimerKind.Abandon, After(schedule.AbandonAfter));
        draft.UpdateTimeline(t => t with { DispatchedAt = now });
    }

    private static DecisionResult ChangePosition(NeedState state, PositionChanged e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        var match = e.AdvisorId is null ? null : state.MatchOf(e.AdvisorId);
        if (match is null)
        {
            return Reject(RejectionCode.UnknownAdvisor, "Ce besoin ne vous a pas été transmis.");
        }

        if (match.Status == e.NewStatus)
        {
            return Reject(RejectionCode.AlreadyInStatus, $"Votre position sur ce besoin est déjà « {MatchTransitions.FrenchLabel(e.NewStatus)} ».");
        }

        if (!MatchTransitions.IsAllowed(match.Status, e.NewStatus))
        {
            return Reject(
                RejectionCode.TransitionNotAllowed,
                $"Impossible de passer de « {MatchTransitions.FrenchLabel(match.Status)} » à « {MatchTransitions.FrenchLabel(e.NewStatus)} ».");
        }

        var draft = new Draft(state);
        var moved = Move(match, e.NewStatus, now, string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim());
        draft.ReplaceMatch(moved);
        draft.TouchInbox(moved.AdvisorId);

        switch (moved.Status)
        {
            case MatchStatus.TakingCare when !moved.CompanyToldTakenOn && !draft.HasTimer(TimerKind.TakenOnNotice):
                draft.Schedule(TimerIds.TakenOnNotice(draft.Version), TimerKind.TakenOnNotice, now + schedule.CompanyNoticeDelay);
                break;
            case MatchStatus.DoneNotReachable when !draft.HasTimer(TimerKind.MissedCallNotice):
                draft.Schedule(TimerIds.MissedCallNotice(draft.Version), TimerKind.MissedCallNotice, now + schedule.CompanyNoticeDelay);
                break;
            case MatchStatus.Done when draft.State.Timeline.SatisfactionSentAt is null && !draft.HasTimer(TimerKind.Satisfaction):
                draft.Schedule(
                    TimerIds.Satisfaction(draft.Version),
                    TimerKind.Satisfaction,
                    BusinessCalendar.Deliver(now + schedule.SatisfactionAfter, schedule.BusinessHoursOnly));
                draft.UpdateTimeline(t => t with { SatisfactionScheduledAt = now });
                break;
        }

        if (draft.State.Matches.All(m => m.Status == MatchStatus.NotForMe) && draft.State.Timeline.RefusedFallbackSentAt is null)
        {
            draft.EmailCompany(EffectIds.CompanyFallbackRefused(state.NeedId), EmailTemplate.CompanyFallback);
            draft.Alert(OperatorBasket.Refused, "Tous les conseillers sollicités ont décliné ce besoin.", []);
            draft.UpdateTimeline(t => t with { RefusedFallbackSentAt = now });
        }

        return draft.Accept();
    }

    private static NeedMatch Move(NeedMatch match, MatchStatus to, DateTimeOffset now, string? comment) => match with
    {
        Status = to,
        UpdatedAt = now,
        TakenOnAt = to switch
        {
            MatchStatus.Quo => null,
            MatchStatus.TakingCare => match.TakenOnAt ?? now,
            _ => match.TakenOnAt,
        },
        ClosedAt = to is MatchStatus.Quo or MatchStatus.TakingCare ? null : now,
        PositionComment = comment,
        MissedCallPending = to == MatchStatus.DoneNotReachable,
    };

    private static DecisionResult PostComment(NeedState state, CommentPosted e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        var text = e.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Reject(RejectionCode.InvalidEvent, "Le commentaire est vide.");
        }

        var byAdvisor = !string.IsNullOrWhiteSpace(e.AdvisorId);
        var byOperator = !string.IsNullOrWhiteSpace(e.OperatorEmail);
        if (byAdvisor == byOperator)
        {
            return Reject(RejectionCode.InvalidEvent, "Un commentaire a un seul auteur : un conseiller ou l'équipe Conseillers-Entreprises.");
        }

        var author = byAdvisor ? state.MatchOf(e.AdvisorId!) : null;
        if (byAdvisor && author is null)
        {
            return Reject(RejectionCode.UnknownAdvisor, "Ce besoin ne vous a pas été transmis.");
        }

        var draft = new Draft(state);
        var comment = new NeedComment
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"c{draft.Version}"),
            AuthorId = author?.AdvisorId ?? NeedComment.OperatorAuthor,
            AuthorName = author?.AdvisorName ?? OperatorsDisplayName,
            Institution = author?.InstitutionName,
            Text = text,
            At = now,
        };
        draft.State = draft.State with { Comments = [.. state.Comments, comment] };

        // Who is concerned is decided now, by the comment (an operator's also reaches those still quo); when they are
        // told is debounced: one notice timer collects the comments of the next few minutes into one email each.
        var concerned = state.Matches
            .Where(m => m.Status is MatchStatus.TakingCare or MatchStatus.DoneNotReachable || (byOperator && m.Status == MatchStatus.Quo))
            .Where(m => !string.Equals(m.AdvisorId, author?.AdvisorId, StringComparison.Ordinal))
            .Select(m => new PendingCommentNotice(comment.Id, m.AdvisorId))
            .ToList();
        draft.State = draft.State with { PendingCommentNotices = [.. state.PendingCommentNotices, .. concerned] };

        if (concerned.Count > 0 && !draft.HasTimer(TimerKind.CommentNotice))
        {
            draft.Schedule(TimerIds.CommentNotice(draft.Version), TimerKind.CommentNotice, now + schedule.CommentNoticeDelay);
        }

        return draft.Accept();
    }

    private static Accepted OnTimer(NeedState state, TimerDue e, DateTimeOffset now)
    {
        var timer = state.Timers.FirstOrDefault(t => t.Kind == e.Kind && string.Equals(t.TimerId, e.TimerId, StringComparison.Ordinal));
        if (timer is null || state.IsCancelled)
        {
            return new Accepted(state, []) { IsNoOp = true };
        }

        var draft = new Draft(state);
        draft.State = draft.State with { Timers = [.. state.Timers.Where(t => t != timer)] };
        var stillQuo = !state.IsUnrouted && state.Status == NeedStatus.Quo;
        var quoMatches = state.Matches.Where(m => m.Status == MatchStatus.Quo).ToList();

        switch (timer.Kind)
        {
            case TimerKind.Reminder:
                foreach (var match in quoMatches)
                {
                    draft.EmailAdvisor(EffectIds.AdvisorReminder(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorReminder, match);
                }

                if (quoMatches.Count > 0)
                {
                    draft.UpdateTimeline(t => t with { ReminderSentAt = now });
                }

                break;

            case TimerKind.CompanyFollowUp when stillQuo:
                draft.EmailCompany(EffectIds.CompanyStillFollowing(state.NeedId), EmailTemplate.CompanyStillFollowing);
                draft.Alert(
                    OperatorBasket.NoAnswer,
                    "Aucun conseiller n'a encore pris en charge ce besoin ; l'entreprise a été informée que nous suivons sa demande.",
                    quoMatches);
                draft.UpdateTimeline(t => t with { FollowUpSentAt = now });
                break;

            case TimerKind.LastChance when stillQuo:
                foreach (var match in quoMatches)
                {
                    draft.EmailAdvisor(EffectIds.AdvisorLastChance(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorLastChance, match);
                }

                draft.Alert(
                    OperatorBasket.LastChance,
                    "Dernière relance envoyée aux conseillers : sans prise en charge, ce besoin sera bientôt abandonné.",
                    quoMatches);
                draft.UpdateTimeline(t => t with { LastChanceSentAt = now });
                break;

            case TimerKind.Abandon when stillQuo:
                Abandon(draft, quoMatches, now);
                break;

            case TimerKind.TakenOnNotice:
                var takenOn = state.Matches.Where(m => m.Status is MatchStatus.TakingCare or MatchStatus.Done).ToList();
                if (takenOn.Any(m => !m.CompanyToldTakenOn))
                {
                    draft.EmailCompany(
                        EffectIds.CompanyTakenOn(state.NeedId, timer.TimerId),
                        EmailTemplate.CompanyTakenOn,
                        [.. takenOn.Select(EmailAdvisor.Of)]);
                    foreach (var match in takenOn)
                    {
                        draft.ReplaceMatch(match with { CompanyToldTakenOn = true });
                    }
                }

                break;

            case TimerKind.MissedCallNotice:
                var missed = state.Matches.Where(m => m.Status == MatchStatus.DoneNotReachable && m.MissedCallPending).ToList();
                if (missed.Count > 0)
                {
                    draft.EmailCompany(
                        EffectIds.CompanyMissedCall(state.NeedId, timer.TimerId),
                        EmailTemplate.CompanyMissedCall,
                        [.. missed.Select(EmailAdvisor.Of)]);
                    foreach (var match in missed)
                    {
                        draft.ReplaceMatch(match with { MissedCallPending = false });
                    }
                }

                break;

            case TimerKind.CommentNotice:
                foreach (var match in state.Matches)
                {
                    var commentIds = state.PendingCommentNotices
                        .Where(p => string.Equals(p.AdvisorId, match.AdvisorId, StringComparison.Ordinal))
                        .Select(p => p.CommentId)
                        .ToList();
                    if (commentIds.Count > 0)
                    {
                        draft.EmailAdvisor(
                            EffectIds.AdvisorNewComments(state.NeedId, timer.TimerId, match.AdvisorId),
                            EmailTemplate.AdvisorNewComment,
                            match,
                            commentIds);
                    }
                }

                draft.State = draft.State with { PendingCommentNotices = [] };
                break;

            case TimerKind.Satisfaction when state.Status == NeedStatus.Done:
                draft.EmailCompany(EffectIds.CompanySatisfactionSurvey(state.NeedId), EmailTemplate.CompanySatisfactionSurvey);
                draft.UpdateTimeline(t => t with { SatisfactionSentAt = now });
                break;

            default:
                // The timer was the current one but the need moved on (e.g. taken on before the follow-up): it is
                // consumed without effect.
                break;
        }

        return draft.Accept();
    }

    private static void Abandon(Draft draft, List<NeedMatch> quoMatches, DateTimeOffset now)
    {
        foreach (var match in quoMatches)
        {
            draft.ReplaceMatch(match with { Status = MatchStatus.Expired, UpdatedAt = now, ClosedAt = now });
            draft.TouchInbox(match.AdvisorId);
        }

        draft.EmailCompany(EffectIds.CompanyFallbackAbandoned(draft.State.NeedId), EmailTemplate.CompanyFallback);
        draft.Alert(OperatorBasket.Abandoned, "Besoin abandonné : aucun conseiller ne l'a pris en charge dans les délais.", quoMatches);
        // The timeline ends here; comments already posted are still told about.
        draft.State = draft.State with { Timers = [.. draft.State.Timers.Where(t => t.Kind == TimerKind.CommentNotice)] };
        draft.UpdateTimeline(t => t with { AbandonedAt = now });
    }

    private static DecisionResult Cancel(NeedState state, NeedCancelled e, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(e.Operator) || string.IsNullOrWhiteSpace(e.Reason))
        {
            return Reject(RejectionCode.InvalidEvent, "L'annulation d'un besoin demande son auteur et un motif.");
        }

        var draft = new Draft(state);
        draft.State = draft.State with
        {
            Cancellation = new NeedCancellation { Operator = e.Operator, Reason = e.Reason.Trim(), At = now },
            Timers = [],
        };
        // PRODUCT.md: the need's open matches end with it. Their status stays the advisor's last position (quo: never
        // answered, taking_care: was on it), so the history is not rewritten; ClosedAt says when they ended, no more
        // position is accepted (Decide rejects every event) and every advisor's inbox row shows the need cancelled.
        // Every advisor who received the need is told, with the operator's reason (API.md): a need is cancelled once,
        // so each of these emails is sent once.
        foreach (var match in state.Matches)
        {
            if (match.Status is MatchStatus.Quo or MatchStatus.TakingCare)
            {
                draft.ReplaceMatch(match with { ClosedAt = now });
            }

            draft.EmailAdvisor(EffectIds.AdvisorNeedCancelled(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNeedCancelled, match);
            draft.TouchInbox(match.AdvisorId);
        }

        return draft.Accept();
    }

    /// <summary>
    /// The need's personal data replaced (<see cref="NeedPersonalData"/>) and its workflow ended: no timer left, no comment
    /// notice pending (it would quote a comment that is gone), and every later event refused. The public stats do not
    /// change (they hold no personal data and nothing they count moves); the inbox rows hold none either.
    /// </summary>
    private static DecisionResult Anonymize(NeedState state, NeedAnonymized e, DateTimeOffset now)
    {
        if (!Enum.IsDefined(e.Reason) || (e.Reason == AnonymizationReason.Request && string.IsNullOrWhiteSpace(e.Operator)))
        {
            return Reject(RejectionCode.InvalidEvent, "L'effacement des données d'un besoin demande l'opérateur qui l'effectue.");
        }

        var draft = new Draft(state);
        draft.State = NeedPersonalData.Anonymize(draft.State) with
        {
            Anonymization = new NeedAnonymization { Reason = e.Reason, At = now, Operator = string.IsNullOrWhiteSpace(e.Operator) ? null : e.Operator },
            Timers = [],
            PendingCommentNotices = [],
        };
        return draft.Accept();
    }

    private static DecisionResult AddAdvisor(NeedState state, AdvisorAdded e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        if (e.Advisor is null || string.IsNullOrWhiteSpace(e.Advisor.AdvisorId))
        {
            return Reject(RejectionCode.InvalidEvent, "Le conseiller à ajouter est manquant.");
        }

        if (state.MatchOf(e.Advisor.AdvisorId) is not null)
        {
            return Reject(RejectionCode.AdvisorAlreadyPresent, "Ce besoin a déjà été transmis à ce conseiller.");
        }

        var draft = new Draft(state);
        var match = NeedMatch.Dispatch(e.Advisor, now);
        draft.State = draft.State with { Matches = [.. state.Matches, match] };
        draft.EmailAdvisor(EffectIds.AdvisorNewNeed(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNewNeed, match);
        draft.TouchInbox(match.AdvisorId);
        if (state.Timeline.DispatchedAt is null)
        {
            StartTimeline(draft, now, schedule);
        }

        return draft.Accept();
    }

    /// <summary>
    /// The subject of a need no advisor has received yet (outside the catalogue, or unrouted): the need takes it and goes
    /// to the advisors found for it, as a submission would have sent it. Without any, it stays unrouted, on its new
    /// subject. Once advisors have it, the subject is theirs: operators add an advisor instead.
    /// </summary>
    private static DecisionResult ChooseSubject(NeedState state, SubjectChosen e, DateTimeOffset now, WorkflowSchedule schedule)
    {
        if (string.IsNullOrWhiteSpace(e.Operator) || string.IsNullOrWhiteSpace(e.SubjectId) || string.IsNullOrWhiteSpace(e.SubjectLabel) || e.Advisors is null)
        {
            return Reject(RejectionCode.InvalidEvent, "Le choix du sujet demande son auteur et un sujet du catalogue.");
        }

        if (!state.IsUnrouted)
        {
            return Reject(RejectionCode.AlreadyRouted, "Ce besoin a déjà été transmis à des conseillers : son sujet ne change plus, ajoutez plutôt un conseiller.");
        }

        var draft = new Draft(state);
        var matches = e.Advisors.DistinctBy(a => a.AdvisorId, StringComparer.Ordinal).Select(a => NeedMatch.Dispatch(a, now)).ToList();
        draft.State = draft.State with
        {
            SubjectId = e.SubjectId,
            SubjectLabel = e.SubjectLabel,
            SubjectChoice = new NeedSubjectChoice { Operator = e.Operator, At = now, PreviousSubjectId = state.SubjectId },
            Matches = matches,
        };
        foreach (var match in matches)
        {
            draft.EmailAdvisor(EffectIds.AdvisorNewNeed(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNewNeed, match);
            draft.TouchInbox(match.AdvisorId);
        }

        if (matches.Count > 0 && state.Timeline.DispatchedAt is null)
        {
            StartTimeline(draft, now, schedule);
        }

        return draft.Accept();
    }

    /// <summary>
    /// An advisor leaves: its open match (no answer yet, or taking the need on) is given to a colleague, who takes its
    /// place in the need's advisors as a fresh dispatch (no answer yet, the new-need email) whatever the leaving advisor's
    /// position, since the colleague has not spoken to the company. The leaving advisor's match leaves the need (its inbox
    /// row with it) and stays in <see cref="NeedState.Reassignments"/>, so that its reminders and comment notices stop and
    /// the need's status is the colleague's. The timeline goes on as it was: the reassignment does not buy time.
    /// </summary>
    private static DecisionResult Reassign(NeedState state, NeedReassigned e, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(e.Operator) || string.IsNullOrWhiteSpace(e.FromAdvisorId) || e.To is null || string.IsNullOrWhiteSpace(e.To.AdvisorId))
        {
            return Reject(RejectionCode.InvalidEvent, "La réattribution demande son auteur, le conseiller qui part et son collègue.");
        }

        if (string.Equals(e.FromAdvisorId, e.To.AdvisorId, StringComparison.Ordinal))
        {
            return Reject(RejectionCode.InvalidEvent, "Un besoin ne se réattribue pas au conseiller qui l'a déjà.");
        }

        if (state.MatchOf(e.FromAdvisorId) is not { } leaving)
        {
            return Reject(RejectionCode.UnknownAdvisor, "Ce besoin n'est pas (ou plus) transmis à ce conseiller.");
        }

        if (leaving.Status is not (MatchStatus.Quo or MatchStatus.TakingCare))
        {
            return Reject(RejectionCode.TransitionNotAllowed,
                $"Ce conseiller a clos ce besoin (« {MatchTransitions.FrenchLabel(leaving.Status)} ») : il reste à son nom.");
        }

        if (state.MatchOf(e.To.AdvisorId) is not null)
        {
            return Reject(RejectionCode.AdvisorAlreadyPresent, "Ce besoin a déjà été transmis à ce collègue.");
        }

        var draft = new Draft(state);
        var match = NeedMatch.Dispatch(e.To, now);
        draft.State = draft.State with
        {
            Matches = [.. state.Matches.Select(m => ReferenceEquals(m, leaving) ? match : m)],
            PendingCommentNotices = [.. state.PendingCommentNotices.Where(p => !string.Equals(p.AdvisorId, leaving.AdvisorId, StringComparison.Ordinal))],
            Reassignments =
            [
                .. state.Reassignments,
                new NeedReassignment
                {
                    Operator = e.Operator,
                    At = now,
                    FromAdvisorId = leaving.AdvisorId,
                    FromAdvisorName = leaving.AdvisorName,
                    FromInstitutionName = leaving.InstitutionName,
                    FromAntennaId = leaving.AntennaId,
                    FromStatus = leaving.Status,
                    ToAdvisorId = match.AdvisorId,
                    ToAdvisorName = match.AdvisorName,
                    ToInstitutionName = match.InstitutionName,
                },
            ],
        };
        draft.EmailAdvisor(EffectIds.AdvisorNewNeed(state.NeedId, match.AdvisorId), EmailTemplate.AdvisorNewNeed, match);
        draft.TouchInbox(leaving.AdvisorId);
        draft.TouchInbox(match.AdvisorId);
        return draft.Accept();
    }

    private static DecisionResult GiveSatisfaction(NeedState state, SatisfactionGiven e, DateTimeOffset now)
    {
        if (!Enum.IsDefined(e.Helped))
        {
            return Reject(RejectionCode.InvalidEvent, "Réponse inconnue : oui, en partie ou non.");
        }

        if (!state.CanGiveSatisfaction)
        {
            return Reject(RejectionCode.SatisfactionNotOpen, "Vous pourrez donner votre avis une fois l'accompagnement terminé par un conseiller.");
        }

        var comment = string.IsNullOrWhiteSpace(e.Comment) ? null : e.Comment.Trim();
        var draft = new Draft(state);
        draft.State = draft.State with { Satisfaction = new NeedSatisfaction { Helped = e.Helped, Comment = comment, At = now } };
        return draft.Accept();
    }

    private static Rejected Reject(RejectionCode code, string message) => new(code, message);

    /// <summary>The decision being built: the next state (version already incremented) and its effects, in order.</summary>
    private sealed class Draft
    {
        private readonly NeedState? _before;
        private readonly List<NeedEffect> _effects = [];
        private readonly List<string> _inbox = [];

        public Draft(NeedState before)
            : this(before, before with { Version = before.Version + 1 })
        {
        }

        public Draft(NeedState? before, NeedState next)
        {
            _before = before;
            State = next;
        }

        public NeedState State { get; set; }

        public long Version => State.Version;

        private string NeedId => State.NeedId;

        public bool HasTimer(TimerKind kind) => State.Timers.Any(t => t.Kind == kind);

        public void Schedule(string timerId, TimerKind kind, DateTimeOffset dueAt)
        {
            State = State with { Timers = [.. State.Timers, new ScheduledTimer { TimerId = timerId, Kind = kind, DueAt = dueAt }] };
            _effects.Add(new ScheduleTimer(EffectIds.Timer(NeedId, timerId), NeedId, timerId, kind, dueAt));
        }

        public void UpdateTimeline(Func<NeedTimeline, NeedTimeline> change) => State = State with { Timeline = change(State.Timeline) };

        public void ReplaceMatch(NeedMatch match) => State = State with
        {
            Matches = [.. State.Matches.Select(m => string.Equals(m.AdvisorId, match.AdvisorId, StringComparison.Ordinal) ? match : m)],
        };

        public void TouchInbox(string advisorId)
        {
            if (!_inbox.Contains(advisorId, StringComparer.Ordinal))
            {
                _inbox.Add(advisorId);
            }
        }

        public void EmailAdvisor(string effectId, EmailTemplate template, NeedMatch match, IReadOnlyList<string>? commentIds = null) =>
            _effects.Add(new SendEmail(effectId, NeedId, template, match.AdvisorEmail, match.AdvisorName, match.AdvisorId)
            {
                CommentIds = commentIds ?? [],
            });

        public void EmailCompany(string effectId, EmailTemplate template, IReadOnlyList<EmailAdvisor>? advisors = null) =>
            _effects.Add(new SendEmail(effectId, NeedId, template, State.Contact.Email, State.Contact.FullName, AdvisorId: null)
            {
                Advisors = advisors ?? [],
            });

        public void Alert(OperatorBasket basket, string reason, IEnumerable<NeedMatch> concerned, bool emailOperators = true) =>
            _effects.Add(new AlertOperators(EffectIds.Alert(NeedId, basket), NeedId, basket, reason)
            {
                AdvisorIds = [.. concerned.Select(m => m.AdvisorId)],
                EmailOperators = emailOperators,
            });

        public Accepted Accept()
        {
            var effects = new List<NeedEffect>(_effects);
            if (_inbox.Count > 0)
            {
                effects.Add(new UpdateProjection(EffectIds.Projection(NeedId, ProjectionKind.AdvisorInbox, Version), NeedId, ProjectionKind.AdvisorInbox)
                {
                    AdvisorIds = [.. _inbox],
                });
            }

            if (_before is null || NeedLevelChanged(_before, State))
            {
                effects.Add(new UpdateProjection(EffectIds.Projection(NeedId, ProjectionKind.NeedStatus, Version), NeedId, ProjectionKind.NeedStatus));
            }

            // A need is searched by what was submitted (company, SIRET, email), and its rows show its subject.
            if (_before is null || !string.Equals(_before.SubjectId, State.SubjectId, StringComparison.Ordinal))
            {
                effects.Add(new UpdateProjection(EffectIds.Projection(NeedId, ProjectionKind.NeedSearch, Version), NeedId, ProjectionKind.NeedSearch));
            }

            return new Accepted(State, effects);
        }

        private static bool NeedLevelChanged(NeedState before, NeedState after) =>
            before.Status != after.Status
            || before.IsUnrouted != after.IsUnrouted
            || before.IsAbandoned != after.IsAbandoned
            || before.IsCancelled != after.IsCancelled
            || before.IsHeld != after.IsHeld
            || !string.Equals(before.SubjectId, after.SubjectId, StringComparison.Ordinal);
    }
}
