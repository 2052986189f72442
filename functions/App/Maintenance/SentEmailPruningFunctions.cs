using ConseillersEntreprises.Storage.Emails;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Maintenance;

/// <summary>
/// Every night, forgets the emails sent more than <see cref="KeptFor"/> ago from the sent-email ledger, which would
/// otherwise grow by every email ever sent. An effect is tried again for three days at most (the orchestration's
/// retries), so a month is far beyond the last duplicate the ledger could stop.
/// </summary>
public sealed partial class SentEmailPruningFunctions(SentEmailLedger ledger, TimeProvider time, ILogger<SentEmailPruningFunctions> logger)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    [Function("PruneSentEmails")]
    public async Task PruneSentEmails([TimerTrigger("0 30 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var forgotten = await ledger.PruneAsync(time.GetUtcNow() - KeptFor, cancellationToken);
        LogPruned(logger, forgotten, timer.IsPastDue);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent-email ledger: {Forgotten} emails older than 30 days forgotten (past due: {PastDue})")]
    private static partial void LogPruned(ILogger logger, int forgotten, bool pastDue);
}
