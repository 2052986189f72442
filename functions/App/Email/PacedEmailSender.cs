using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Storage.Emails;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Keeps every instance of the app together under the relay's quota (<c>Email:MaxPerMinute</c>; Azure Communication
/// Services allows 30 a minute by default) with a budget shared in storage. An email over the budget is not waited
/// for here: it is deferred to the next window (<see cref="EmailDeferredException"/>), which the workflow waits for
/// on a durable timer, holding nothing meanwhile. Wraps the real sender.
/// </summary>
public sealed class PacedEmailSender(IEmailSender inner, EmailBudget budget, IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    public async Task<bool> SendAsync(EmailMessage message, Func<CancellationToken, Task<bool>>? claim, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await budget.TryTakeAsync(now, options.Value.MaxPerMinute, ct) is { } askAgainAt)
        {
            throw new EmailDeferredException(askAgainAt - now, "Email:MaxPerMinute reached; the email waits for the next window.");
        }

        return await inner.SendAsync(message, claim, ct);
    }
}
