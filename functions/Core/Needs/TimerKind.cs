using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>What a durable timer of the workflow is for. JSON (and the timers table's Kind): snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimerKind>))]
public enum TimerKind
{
    /// <summary>Remind advisors still quo (<see cref="WorkflowSchedule.ExpertReminderAfter"/>).</summary>
    [JsonStringEnumMemberName("reminder")]
    Reminder,

    /// <summary>Tell the company we are still following its request, alert operators (<see cref="WorkflowSchedule.CompanyFollowUpAfter"/>).</summary>
    [JsonStringEnumMemberName("company_follow_up")]
    CompanyFollowUp,

    /// <summary>Last chance to advisors still quo (<see cref="WorkflowSchedule.LastChanceAfter"/>).</summary>
    [JsonStringEnumMemberName("last_chance")]
    LastChance,

    /// <summary>Abandon the need if nobody took it on (<see cref="WorkflowSchedule.AbandonAfter"/>).</summary>
    [JsonStringEnumMemberName("abandon")]
    Abandon,

    /// <summary>Debounced "taken on by X of Y" email to the company (<see cref="WorkflowSchedule.CompanyNoticeDelay"/>).</summary>
    [JsonStringEnumMemberName("taken_on_notice")]
    TakenOnNotice,

    /// <summary>Debounced "missed call" email to the company (<see cref="WorkflowSchedule.CompanyNoticeDelay"/>).</summary>
    [JsonStringEnumMemberName("missed_call_notice")]
    MissedCallNotice,

    /// <summary>Debounced "new comments" email to the advisors concerned (<see cref="WorkflowSchedule.CommentNoticeDelay"/>).</summary>
    [JsonStringEnumMemberName("comment_notice")]
    CommentNotice,

    /// <summary>Satisfaction survey after the first "done" (<see cref="WorkflowSchedule.SatisfactionAfter"/>).</summary>
    [JsonStringEnumMemberName("satisfaction")]
    Satisfaction,
}
