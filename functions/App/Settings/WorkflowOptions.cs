namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Workflow</c>: the per-need timeline, counted from dispatch (PRODUCT.md defaults).</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";
    public TimeSpan ExpertReminderAfter { get; set; } = TimeSpan.FromDays(4);
    public TimeSpan CompanyFollowUpAfter { get; set; } = TimeSpan.FromDays(9);
    public TimeSpan LastChanceAfter { get; set; } = TimeSpan.FromDays(21);
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromDays(45);
    public TimeSpan SatisfactionAfter { get; set; } = TimeSpan.FromDays(10);
    public TimeSpan CompanyNoticeDelay { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Debounce of comment notifications to advisors (one email per advisor for the comments of this delay).</summary>
    public TimeSpan CommentNoticeDelay { get; set; } = TimeSpan.FromMinutes(5);
    public bool BusinessHoursOnly { get; set; } = true;
    public TimeSpan TimerSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Outbox rows older than this are re-driven by the outbox sweep (left behind by a crash).</summary>
    public TimeSpan OutboxStaleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
