using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Intake;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Storage.Moderation;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Moderation;

/// <summary>
/// The intake's questions to the moderation rules: what the storage knows (the block list, the recent submissions,
/// read together: three requests at once, beside the company lookup), then <see cref="HoldRules"/> decides.
/// </summary>
public sealed class SubmissionScreening(BlockListStore blockList, RecentSubmissions recent, IOptionsMonitor<ModerationOptions> options, TimeProvider time)
{
    /// <summary>Why <paramref name="submission"/> (to become need <paramref name="needId"/>) must wait for a check; empty: dispatch it.</summary>
    public async Task<IReadOnlyList<HoldReason>> ReasonsAsync(ValidatedSubmission submission, string needId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var settings = options.CurrentValue;
        var window = settings.DuplicateWindow;
        var since = time.GetUtcNow() - window;
        var list = blockList.GetAsync(ct);
        var sameSiret = window > TimeSpan.Zero && submission.Siret is { } siret
            ? recent.AnySinceAsync(DuplicateKeys.OfSiret(siret, submission.SubjectId), since, needId, ct)
            : Task.FromResult(false);
        var sameEmail = window > TimeSpan.Zero
            ? recent.AnySinceAsync(DuplicateKeys.OfEmail(submission.Email, submission.SubjectId), since, needId, ct)
            : Task.FromResult(false);
        await Task.WhenAll(list, sameSiret, sameEmail);
        return HoldRules.Reasons(new HoldSignals(
            submission.HoneypotFilled, submission.FilledInSeconds, settings.MinSecondsToFill, submission.Email,
            await list, await sameSiret, await sameEmail));
    }

    /// <summary>Remembers a new need's keys, so that the next submission on the same subject sees it.</summary>
    public Task RememberAsync(ValidatedSubmission submission, string needId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var keys = new List<string> { DuplicateKeys.OfEmail(submission.Email, submission.SubjectId) };
        if (submission.Siret is { } siret)
        {
            keys.Add(DuplicateKeys.OfSiret(siret, submission.SubjectId));
        }

        return recent.RememberAsync(keys, needId, at, ct);
    }
}
