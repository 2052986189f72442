using ConseillersEntreprises.App.Settings;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Sends through an SMTP relay with MailKit, retrying transient failures with a short backoff; when the relay stays
/// unavailable it throws <see cref="EmailDeferredException"/> so that the caller keeps the email for later.
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email, TimeProvider time) : IEmailSender
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(email.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SendOnceAsync(mime, ct);
                return;
            }
            catch (Exception e) when (IsTransient(e))
            {
                if (attempt >= Backoff.Length)
                {
                    throw new EmailDeferredException(smtp.Value.RetryAfter, "The SMTP relay is unavailable.", e);
                }

                await Task.Delay(Backoff[attempt], time, ct);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is IOException or SmtpProtocolException or System.Net.Sockets.SocketException or TimeoutException
            or SmtpCommandException { StatusCode: >= (SmtpStatusCode)400 and < (SmtpStatusCode)500 };

    private async Task SendOnceAsync(MimeMessage mime, CancellationToken ct)
    {
        var settings = smtp.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
