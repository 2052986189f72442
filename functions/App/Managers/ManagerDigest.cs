using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Managers;

/// <summary>
/// One week's digests: each manager of the directory gets the needs of its antennas still without answer (read from
/// the <c>antennaneeds</c> read model, one filtered partition query per antenna), or nothing when there is nothing to
/// say. Each email goes through the sent-email ledger under the key <c>manager-digest:{week}:{email}</c>, so a run made
/// again, or two instances at once, send it once; the week is marked complete once every email is out, and a deferred
/// email (relay down, budget) leaves it open for the next hourly run.
/// </summary>
public sealed partial class ManagerDigest(
    CurrentDirectory directory,
    AntennaNeedsTable antennaNeeds,
    ManagerDigestRuns runs,
    NeedEmailRenderer renderer,
    LedgeredEmailSender sender,
    SignedLinks links,
    IOptions<ManagersOptions> options,
    TimeProvider time,
    ILogger<ManagerDigest> logger)
{
    /// <summary>Runs the digests of the week of <paramref name="now"/> unless it is complete; null when it was already.</summary>
    public async Task<ManagerDigestRun?> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var week = ManagerDigestSchedule.WeekOf(now);
        if (await runs.CompletedAsync(week, ct) is not null)
        {
            return null;
        }

        var document = directory.Snapshot?.Document ?? throw new InvalidOperationException("The directory is not loaded yet.");
        var settings = options.Value;
        var managers = AntennaManager.AllOf(document);
        var sent = 0;
        var pending = 0;
        foreach (var manager in managers)
        {
            var rows = new List<AntennaNeed>();
            foreach (var antenna in manager.Antennas)
            {
                rows.AddRange(await antennaNeeds.AwaitingSinceAsync(antenna.Id, now - settings.DigestUnansweredAfter, ct));
            }

            var needs = ManagerDigestSelection.Select(rows, now, settings.DigestUnansweredAfter);
            if (needs.Count == 0)
            {
                continue;
            }

            var (token, expiresAt) = links.ManagerToken(manager.Email, settings.LinkLifetime);
            var email = renderer.RenderManagerDigest(
                manager.Email,
                manager.Name,
                needs,
                manager.Antennas.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal),
                settings.DigestUnansweredAfter,
                needId => links.ManagerPage(token, needId),
                links.ManagerPage(token),
                expiresAt) with
            {
                IdempotencyKey = $"manager-digest:{week}:{manager.Email}",
            };
            var delivery = await sender.SendOnceAsync(email, ct);
            if (!delivery.IsDone)
            {
                pending++;
            }
            else if (!delivery.Skipped)
            {
                sent++;
            }
        }

        if (pending > 0)
        {
            LogPending(logger, week, pending);
            return new ManagerDigestRun(week, time.GetUtcNow(), sent, managers.Count) { Complete = false };
        }

        var run = new ManagerDigestRun(week, time.GetUtcNow(), sent, managers.Count);
        await runs.MarkCompletedAsync(run, ct);
        LogCompleted(logger, week, sent, managers.Count);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Managers' digest {Week}: {Sent} emails sent, {Managers} managers looked at")]
    private static partial void LogCompleted(ILogger logger, string week, int sent, int managers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Managers' digest {Week}: {Pending} emails deferred; the next hourly run sends them")]
    private static partial void LogPending(ILogger logger, string week, int pending);
}
