namespace ConseillersEntreprises.App.Email;

/// <summary>The email port: SMTP locally and on any relay; Azure Communication Services on Azure.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/>. <paramref name="claim"/>, when given, is asked at the last moment, once the
    /// relay is ready to take the message (connected, authenticated): false means it is not ours to send, and nothing
    /// is sent. Claiming only then means that while the relay is down no claim is ever held, so a process that dies
    /// leaves none behind to wait for. Returns whether the message was handed to the relay.
    /// </summary>
    /// <exception cref="EmailDeferredException">The relay cannot take it now (down, throttling): try again later.</exception>
    Task<bool> SendAsync(EmailMessage message, Func<CancellationToken, Task<bool>>? claim, CancellationToken ct);
}
