namespace ConseillersEntreprises.App.Email;

/// <summary>An email ready to send: French text with both an HTML and a plain-text part.</summary>
public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>The effect key that makes this email unique: relays that support idempotency (ACS Operation-Id) use it.</summary>
    public string? IdempotencyKey { get; init; }
}
