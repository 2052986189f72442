using ConseillersEntreprises.App.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Sends through an SMTP relay with MailKit; when the relay is unavailable it throws
/// <see cref="EmailDeferredException"/> so that the caller keeps the email for later.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email) : IEmailSender
{
    /// <summary>The longest one SMTP operation may take; a whole send stays well within the ledger's send lease.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(20);

    public async Task<bool> SendAsync(EmailMessage message, Func<CancellationToken, Task<bool>>? claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(email.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();

        // One try: the email is claimed in the ledger while it is tried, and a relay that does not answer is the
        // workflow's to wait for (a durable timer of Smtp:RetryAfter), so that no claim is held while waiting.
        try
        {
            return await SendOnceAsync(mime, claim, ct);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new EmailDeferredException(smtp.Value.RetryAfter, "The SMTP relay is unavailable.", e);
        }
    }

    private static bool IsTransient(Exception e) =>
        e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or TimeoutException
            or SmtpCommandException { StatusCode: >= (SmtpStatusCode)400 and < (SmtpStatusCode)500 };

    private async Task<bool> SendOnceAsync(MimeMessage mime, Func<CancellationToken, Task<bool>>? claim, CancellationToken ct)
    {
        var settings = smtp.Value;
        // A relay that takes longer than this is failing: the email is tried again later (MailKit waits 2 minutes).
        using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
        }

        if (claim is not null && !await claim(ct))
        {
            await client.DisconnectAsync(quit: true, ct);
            return false;
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
        return true;
    }
}
