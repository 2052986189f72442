namespace ConseillersEntreprises.App.Email;

/// <summary>The relay cannot take the email now (down, throttled with Retry-After): try again after <see cref="RetryAfter"/>.</summary>
public sealed class EmailDeferredException : Exception
{
    public EmailDeferredException(TimeSpan retryAfter, string message, Exception? inner = null)
        : base(message, inner) => RetryAfter = retryAfter;

    public EmailDeferredException()
    {
    }

    public EmailDeferredException(string message)
        : base(message)
    {
    }

    public EmailDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan RetryAfter { get; }
}
