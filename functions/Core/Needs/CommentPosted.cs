namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// A comment on the need's thread, written by an advisor of the need (<paramref name="AdvisorId"/>) or by an operator
/// (<paramref name="OperatorEmail"/>): exactly one of the two is set (use <see cref="ByAdvisor"/>, <see cref="ByOperator"/>).
/// </summary>
public sealed record CommentPosted(string? AdvisorId, string? OperatorEmail, string Text) : NeedEvent
{
    public const string TypeName = "comment_posted";

    public static CommentPosted ByAdvisor(string advisorId, string text) => new(advisorId, null, text);

    public static CommentPosted ByOperator(string operatorEmail, string text) => new(null, operatorEmail, text);
}
