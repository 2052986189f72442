namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Send one email. The app renders <see cref="Template"/> from the need's state and this data; when the recipient
/// is an advisor, <see cref="AdvisorId"/> is set and the app signs the need-sheet link for it.
/// </summary>
public sealed record SendEmail(
    string EffectId,
    string NeedId,
    EmailTemplate Template,
    string RecipientEmail,
    string RecipientName,
    string? AdvisorId) : NeedEffect(EffectId, NeedId)
{
    public const string TypeName = "send_email";

    /// <summary>For company "taken on" and "missed call" emails: the advisors to name, as they were at decision time.</summary>
    public IReadOnlyList<EmailAdvisor> Advisors { get; init; } = [];

    /// <summary>For <see cref="EmailTemplate.AdvisorNewComment"/>: the <see cref="NeedComment.Id"/>s to quote, oldest first.</summary>
    public IReadOnlyList<string> CommentIds { get; init; } = [];
}
