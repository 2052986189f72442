using System.Globalization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Timer ids, unique within a need and never reused for another due time: the timeline's timers are scheduled once,
/// the others carry the version of the event that scheduled them.
/// </summary>
public static class TimerIds
{
    public const string Reminder = "reminder";
    public const string CompanyFollowUp = "company-follow-up";
    public const string LastChance = "last-chance";
    public const string Abandon = "abandon";

    public static string TakenOnNotice(long version) => Versioned("taken-on-notice", version);

    public static string MissedCallNotice(long version) => Versioned("missed-call-notice", version);

    public static string CommentNotice(long version) => Versioned("comment-notice", version);

    public static string Satisfaction(long version) => Versioned("satisfaction", version);

    private static string Versioned(string prefix, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{version}");
}
