namespace ConseillersEntreprises.App.Email;

/// <summary>The email port: SMTP locally and on any relay; Azure Communication Services on Azure.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}
