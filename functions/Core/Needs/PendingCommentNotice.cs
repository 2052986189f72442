namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An advisor still to be told about a comment: set when the comment is posted (who is concerned is decided then),
/// cleared when the comment notice timer sends the debounced email.
/// </summary>
public sealed record PendingCommentNotice(string CommentId, string AdvisorId);
