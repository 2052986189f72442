namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The positions an advisor may move its match to (enforced by <see cref="NeedDecider"/>, offered by the UI):
/// quo → taking_care | not_for_me; taking_care → done | done_no_help | done_not_reachable | quo (undo);
/// not_for_me → quo (undo); done* → taking_care (reopen). Nothing leaves expired; nobody moves a match to expired.
/// </summary>
public static class MatchTransitions
{
    private static readonly MatchStatus[] FromQuo = [MatchStatus.TakingCare, MatchStatus.NotForMe];
    private static readonly MatchStatus[] FromTakingCare = [MatchStatus.Done, MatchStatus.DoneNoHelp, MatchStatus.DoneNotReachable, MatchStatus.Quo];
    private static readonly MatchStatus[] FromNotForMe = [MatchStatus.Quo];
    private static readonly MatchStatus[] FromDone = [MatchStatus.TakingCare];

    /// <summary>The statuses reachable from <paramref name="from"/>, in the order the UI offers them.</summary>
    public static IReadOnlyList<MatchStatus> AllowedTransitions(MatchStatus from) => from switch
    {
        MatchStatus.Quo => FromQuo,
        MatchStatus.TakingCare => FromTakingCare,
        MatchStatus.NotForMe => FromNotForMe,
        MatchStatus.Done or MatchStatus.DoneNoHelp or MatchStatus.DoneNotReachable => FromDone,
        _ => [],
    };

    public static bool IsAllowed(MatchStatus from, MatchStatus to) => AllowedTransitions(from).Contains(to);

    /// <summary>French label of a status, for messages and emails.</summary>
    public static string FrenchLabel(MatchStatus status) => status switch
    {
        MatchStatus.Quo => "en attente de réponse",
        MatchStatus.TakingCare => "pris en charge",
        MatchStatus.Done => "clôturé avec une aide proposée",
        MatchStatus.DoneNoHelp => "clôturé sans aide possible",
        MatchStatus.DoneNotReachable => "clôturé, entreprise injoignable",
        MatchStatus.NotForMe => "refusé (pas pour moi)",
        // Still unanswered when the need was abandoned: an abandoned need is never called refused nor "expired".
        MatchStatus.Expired => "abandonné (sans réponse dans les délais)",
        _ => status.ToString(),
    };
}
