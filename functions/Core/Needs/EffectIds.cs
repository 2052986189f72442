using System.Globalization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The effect id scheme: <c>{needId}:{channel}:{what}[:{who}]</c>. Deterministic given (state, event), so deciding
/// the same event again (a retry after a concurrency conflict) yields the same ids, and unique over the need's life
/// for effects that must happen once (an email is never sent twice under one id).
/// </summary>
public static class EffectIds
{
    public static string AdvisorNewNeed(string needId, string advisorId) => $"{needId}:email:dispatch:{advisorId}";

    public static string AdvisorReminder(string needId, string advisorId) => $"{needId}:email:reminder:{advisorId}";

    public static string AdvisorLastChance(string needId, string advisorId) => $"{needId}:email:last-chance:{advisorId}";

    /// <summary>One per comment notice timer and advisor: the timer is fired once, its comments are told once.</summary>
    public static string AdvisorNewComments(string needId, string timerId, string advisorId) => $"{needId}:email:comments:{timerId}:{advisorId}";

    /// <summary>A need is cancelled once: each advisor is told once.</summary>
    public static string AdvisorNeedCancelled(string needId, string advisorId) => $"{needId}:email:cancelled:{advisorId}";

    public static string CompanyConfirmation(string needId) => $"{needId}:email:confirmation";

    public static string CompanyConfirmationUnrouted(string needId) => $"{needId}:email:confirmation-unrouted";

    public static string CompanyStillFollowing(string needId) => $"{needId}:email:still-following";

    public static string CompanyTakenOn(string needId, string timerId) => $"{needId}:email:taken-on:{timerId}";

    public static string CompanyMissedCall(string needId, string timerId) => $"{needId}:email:missed-call:{timerId}";

    public static string CompanyFallbackRefused(string needId) => $"{needId}:email:fallback-refused";

    public static string CompanyFallbackAbandoned(string needId) => $"{needId}:email:fallback-abandoned";

    public static string CompanySatisfactionSurvey(string needId) => $"{needId}:email:satisfaction";

    /// <summary>A need is rejected once.</summary>
    public static string CompanyNeedRejected(string needId) => $"{needId}:email:rejected";

    public static string Timer(string needId, string timerId) => $"{needId}:timer:{timerId}";

    public static string Alert(string needId, OperatorBasket basket) => $"{needId}:alert:{NeedJson.WireName(basket)}";

    /// <summary>Projections are refreshed from the current state, so each decision gets its own id (its version).</summary>
    public static string Projection(string needId, ProjectionKind kind, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{needId}:projection:{NeedJson.WireName(kind)}:{version}");
}
