using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Settings;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Composition;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// The email port: Azure Communication Services when <c>Email:Acs:Endpoint</c> is set, SMTP otherwise, paced to
    /// <c>Email:MaxPerMinute</c> across every instance; the ledger that sends each workflow email once; the templates; the sign-in emails.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddSingleton<NeedEmailRenderer>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddHttpClient<AcsEmailSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IEmailSender>(sp => ActivatorUtilities.CreateInstance<PacedEmailSender>(sp,
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Acs.Endpoint)
                ? sp.GetRequiredService<SmtpEmailSender>()
                : (IEmailSender)sp.GetRequiredService<AcsEmailSender>()));
        services.AddSingleton<LedgeredEmailSender>();
        services.AddSingleton<SignInEmails>();
        services.AddHostedService(sp => sp.GetRequiredService<SignInEmails>());
        return services;
    }
}
