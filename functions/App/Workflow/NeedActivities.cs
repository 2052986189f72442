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
    /// Records a decision: the inbox rows it touched first (the advisor who acted sees it at once in its inbox), then the
    /// snapshot with the command's answer (the caller is waiting for it), then the stats.
    /// </summary>
    [Function(nameof(RecordDecision))]
    public async Task RecordDecision([ActivityTrigger] RecordDecisionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await readModels.UpdateInboxAsync(input.State, input.InboxAdvisorIds, ct);
        if (await snapshots.SaveAsync(input.State, input.Sequence, input.Outcome, ct) && input.Outcome is { } outcome)
        {
            replies.Complete(input.State, outcome);
        }

        if (input.NeedLevelChanged)
        {
            await readModels.UpdateStatsAsync(input.State, ct);
        }
    }

    /// <summary>One email of the need, rendered from its latest snapshot, sent once.</summary>
    [Function(nameof(SendNeedEmail))]
    public async Task<EffectOutcome> SendNeedEmail([ActivityTrigger] SendNeedEmailInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await SnapshotAsync(input.NeedId, input.Version, ct) is not { } snapshot)
        {
            return EffectOutcome.Later(SnapshotLag);
        }

        EmailMessage email;
        try
        {
            email = composer.Compose(input.Email, snapshot.State);
        }
        catch (ArgumentException e)
        {
            // A template that cannot be filled will not be filled by trying again.
            LogUnrenderable(logger, e, input.Email.EffectId);
            return EffectOutcome.Done;
        }

        return Outcome(await sender.SendOnceAsync(email, ct));
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

    private static EffectOutcome Outcome(EmailDelivery delivery) =>
        delivery.IsDone ? EffectOutcome.Done : EffectOutcome.Later(delivery.RetryAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EffectId} cannot be rendered; given up")]
    private static partial void LogUnrenderable(ILogger logger, Exception exception, string effectId);
}
