using ConseillersEntreprises.Core.Managers;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Managers;

/// <summary>
/// The antenna managers' weekly digest, Monday from 8:00 Paris time. The timer fires every hour at minute 5 (UTC
/// NCRONTAB cannot follow Paris summer time) and acts only when <see cref="ManagerDigestSchedule.IsDue"/>; the week's
/// run completes once, however many hours or instances run it.
/// </summary>
public sealed class ManagerDigestFunctions(ManagerDigest digest, TimeProvider time)
{
    [Function("SendManagerDigests")]
    public async Task SendManagerDigests([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = time.GetUtcNow();
        if (ManagerDigestSchedule.IsDue(now))
        {
            await digest.RunAsync(now, cancellationToken);
        }
    }
}
