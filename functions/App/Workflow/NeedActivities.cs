using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.Storage.Snapshots;
using Microsoft.Azure.Functions.Worker;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// The activities of <see cref="NeedOrchestrator"/>: every piece of I/O the workflow does. Each runs at least once and
/// is idempotent: the snapshot never goes back in time, read models are upserts, emails go through the ledger.
/// </summary>
public sealed partial class NeedActivities(
    NeedSnapshotStore snapshots,
    NeedReadModels readModels,
    NeedEmailComposer composer,
    LedgeredEmailSender sender,
    CommandReplies replies,
    TimeProvider time,
    ILogger<NeedActivities> logger)
{
    /// <summary>A snapshot older than the decision an email belongs to is asked again after this delay.</summary>
    private static readonly TimeSpan SnapshotLag = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Records a decision: the inbox and antenna rows it touched first (the advisor who acted sees it at once in its inbox,
    /// its manager in its page), then the snapshot with the command's answer (the caller is waiting for it), then the
    /// stats (the public ones when the need's status changed, the partners' when a match's did too) and the operators'
    /// search rows when the decision changed them.
    /// </summary>
    [Function(nameof(RecordDecision))]
    public async Task RecordDecision([ActivityTrigger] RecordDecisionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModels.UpdateInboxAsync(input.State, input.InboxAdvisorIds, ct);

        // A match's position or the need's status changed: the antennas' rows say so (the managers' digest and page),
        // before the answer too, so that a position given is already in the manager's page.
        if (input.NeedLevelChanged || input.InboxAdvisorIds.Count > 0)
        {
            await readModels.UpdateAntennaNeedsAsync(input.State, ct);
        }

        if (await snapshots.SaveAsync(input.State, input.Sequence, input.Outcome, ct) && input.Outcome is { } outcome)
        {
            replies.Complete(input.State, outcome);
        }

        if (input.NeedLevelChanged)
        {
            await readModels.UpdateStatsAsync(input.State, ct);
        }

        if (input.NeedLevelChanged || input.InboxAdvisorIds.Count > 0)
        {
            await readModels.UpdatePartnerStatsAsync(input.State, ct);
        }

        if (input.SearchChanged)
        {
            await readModels.IndexForSearchAsync(input.State, ct);
        }
    }

    /// <summary>
    /// The emails of one decision, rendered from a snapshot at least that recent, each sent once: one activity for a
    /// decision's emails (a dispatch to five advisors and the company is six) instead of one each, which is what the
    /// task hub's queues and history pay for. Those the relay or the budget defers are given back to try again.
    /// </summary>
    [Function(nameof(SendNeedEmails))]
    public async Task<EmailsOutcome> SendNeedEmails([ActivityTrigger] SendNeedEmailsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await SnapshotAsync(input.NeedId, input.Version, ct) is not { } snapshot)
        {
            return new EmailsOutcome([.. input.Emails.Select(e => e.EffectId)], SnapshotLag);
        }

        var pending = new List<string>();
        var retryAfter = TimeSpan.Zero;
        foreach (var effect in input.Emails)
        {
            EmailMessage email;
            try
            {
                email = composer.Compose(effect, snapshot.State);
            }
            catch (ArgumentException e)
            {
                // A template that cannot be filled will not be filled by trying again.
                LogUnrenderable(logger, e, effect.EffectId);
                continue;
            }

            var delivery = await sender.SendOnceAsync(email, ct);
            if (!delivery.IsDone)
            {
                pending.Add(effect.EffectId);
                retryAfter = delivery.RetryAfter > retryAfter ? delivery.RetryAfter : retryAfter;
            }
        }

        return pending.Count == 0 ? EmailsOutcome.AllSent : new EmailsOutcome(pending, retryAfter);
    }

    /// <summary>Puts the need in an operators' basket and alerts the operators and the antenna managers concerned.</summary>
    [Function(nameof(AlertOperators))]
    public async Task<EffectOutcome> AlertOperators([ActivityTrigger] AlertOperatorsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await SnapshotAsync(input.NeedId, input.Version, ct) is not { } snapshot)
        {
            return EffectOutcome.Later(SnapshotLag);
        }

        await readModels.AddToBasketAsync(input.Alert, time.GetUtcNow(), ct);
        var retryAfter = TimeSpan.Zero;
        var allDone = true;
        foreach (var email in composer.Compose(input.Alert, snapshot.State))
        {
            var delivery = await sender.SendOnceAsync(email, ct);
            allDone &= delivery.IsDone;
            retryAfter = delivery.RetryAfter > retryAfter ? delivery.RetryAfter : retryAfter;
        }

        return allDone ? EffectOutcome.Done : EffectOutcome.Later(retryAfter);
    }

    /// <summary>The need's snapshot once it holds the decision an effect belongs to; null while it is older.</summary>
    private async Task<NeedSnapshot?> SnapshotAsync(string needId, long version, CancellationToken ct) =>
        await snapshots.GetAtLeastAsync(needId, version, ct);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EffectId} cannot be rendered; given up")]
    private static partial void LogUnrenderable(ILogger logger, Exception exception, string effectId);
}
