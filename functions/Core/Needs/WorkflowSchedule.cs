namespace ConseillersEntreprises.Core.Needs;

/// <summary>The delays of a need's timeline (the <c>Workflow:*</c> settings), counted from dispatch. Defaults: PRODUCT.md.</summary>
public sealed record WorkflowSchedule
{
    public static WorkflowSchedule Default { get; } = new();

    /// <summary>Reminder to advisors still quo.</summary>
    public TimeSpan ExpertReminderAfter { get; init; } = TimeSpan.FromDays(4);

    /// <summary>"We are still following your request" to the company, no-answer alert to operators, if still quo.</summary>
    public TimeSpan CompanyFollowUpAfter { get; init; } = TimeSpan.FromDays(9);

    /// <summary>Last chance to advisors still quo.</summary>
    public TimeSpan LastChanceAfter { get; init; } = TimeSpan.FromDays(21);

    /// <summary>Still quo → abandoned.</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromDays(45);

    /// <summary>Satisfaction survey after the first "done".</summary>
    public TimeSpan SatisfactionAfter { get; init; } = TimeSpan.FromDays(10);

    /// <summary>Debounce of company emails on status changes (taken on, missed call): one email per settled change.</summary>
    public TimeSpan CompanyNoticeDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Debounce of comment notifications to advisors: the first comment starts the delay, and each advisor concerned
    /// then gets ONE email quoting every comment posted meanwhile. Counted from the first comment (not pushed back by
    /// later ones) so that a lively thread still notifies within this delay.
    /// </summary>
    public TimeSpan CommentNoticeDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliver the timeline's timers on the next business morning (Europe/Paris); false: at the exact delay.</summary>
    public bool BusinessHoursOnly { get; init; } = true;
}
