using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>Which email to render (from the need's state and the <see cref="SendEmail"/> data). JSON: snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmailTemplate>))]
public enum EmailTemplate
{
    /// <summary>A need for the advisor, with its signed link.</summary>
    [JsonStringEnumMemberName("advisor_new_need")]
    AdvisorNewNeed,

    [JsonStringEnumMemberName("advisor_reminder")]
    AdvisorReminder,

    [JsonStringEnumMemberName("advisor_last_chance")]
    AdvisorLastChance,

    /// <summary>A comment was posted (<see cref="SendEmail.CommentId"/>).</summary>
    [JsonStringEnumMemberName("advisor_new_comment")]
    AdvisorNewComment,

    /// <summary>An operator cancelled the need (<see cref="NeedState.Cancellation"/> holds the reason).</summary>
    [JsonStringEnumMemberName("advisor_need_cancelled")]
    AdvisorNeedCancelled,

    [JsonStringEnumMemberName("company_confirmation")]
    CompanyConfirmation,

    /// <summary>Confirmation saying the team is finding the right advisor (no advisor routed).</summary>
    [JsonStringEnumMemberName("company_confirmation_unrouted")]
    CompanyConfirmationUnrouted,

    /// <summary>"Taken on by X of Y" (<see cref="SendEmail.Advisors"/> lists them).</summary>
    [JsonStringEnumMemberName("company_taken_on")]
    CompanyTakenOn,

    [JsonStringEnumMemberName("company_still_following")]
    CompanyStillFollowing,

    /// <summary>An advisor could not reach the company (<see cref="SendEmail.Advisors"/> lists them).</summary>
    [JsonStringEnumMemberName("company_missed_call")]
    CompanyMissedCall,

    /// <summary>Nobody could help: other resources, how to reach the team.</summary>
    [JsonStringEnumMemberName("company_fallback")]
    CompanyFallback,

    [JsonStringEnumMemberName("company_satisfaction_survey")]
    CompanySatisfactionSurvey,

    /// <summary>An operator rejected the need after checking it: a short, polite word (the team's reason is not sent).</summary>
    [JsonStringEnumMemberName("company_need_rejected")]
    CompanyNeedRejected,

    /// <summary>Used by the app for <see cref="AlertOperators"/>; the decider never emits it as a <see cref="SendEmail"/>.</summary>
    [JsonStringEnumMemberName("operator_alert")]
    OperatorAlert,
}
