using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>One submission as the driver saw it (times on <see cref="RunClock"/>).</summary>
internal sealed record Submitted(int Index, string SubjectId, int Company, TimeSpan Start, TimeSpan End, SubmitResult Result)
{
    public double LatencyMs => (End - Start).TotalMilliseconds;

    public bool Accepted => Result.NeedId is not null;

    public bool Routed => Result.NeedId is not null && Result.AdvisorCount > 0;
}

/// <summary>When the advisors' emails of a set of needs arrived, relative to each need's submission.</summary>
/// <param name="Until">When the measurement stopped: every email in, or the time limit.</param>
/// <param name="AdvisorEmails">Advisor emails of these needs that came before <paramref name="Until"/>.</param>
internal sealed record Dispatch(int Routed, int Complete, double[] FirstEmailSeconds, double[] AllEmailsSeconds, TimeSpan LastEmail, TimeSpan Until, int AdvisorEmails);

internal sealed record LifecycleResult(
    int Needs,
    IReadOnlyList<Submitted> Submitted,
    int Completed,
    int PositionFailures,
    TimeSpan Duration,
    Dictionary<string, long> Lifecycle,
    Dictionary<string, long> Idle,
    Dispatch Dispatch,
    double MeanAdvisors);

internal sealed record RunResult(
    int CompaniesLookedUp,
    IReadOnlyList<Submitted> LatencyPhase,
    TimeSpan LatencyPhaseDuration,
    Dispatch LatencyDispatch,
    IReadOnlyList<Submitted> SustainedPhase,
    TimeSpan SustainedDuration,
    Dispatch SustainedDispatch,
    TimeSpan SustainedStart,
    LifecycleResult Lifecycle);

/// <summary>The measurement phases, in order; see the README's "End-to-end load" section.</summary>
internal sealed partial class LoadRun(DriverOptions options, AppClient app, Mailbox mailbox, NeedFactory needs)
{
    private const int SustainedBase = 1_000_000;
    private const int LifecycleBase = 2_000_000;
    private static readonly TimeSpan EmailTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] LifecycleSteps = ["taking_care", "done"];

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        // The operator token reads the storage counters.
        Log($"operator sign-in link for {options.OperatorEmail}");
        await app.RequestOperatorLinkAsync(options.OperatorEmail, ct);
        app.OperatorToken = Uri.UnescapeDataString(await mailbox.WaitForAsync(options.OperatorEmail, OperatorLink(), TimeSpan.FromSeconds(60), ct));
        _ = await app.StorageCountsAsync(ct);

        var lookedUp = await WarmUpAsync(ct);

        Log($"(a) latency: {options.Needs} needs, concurrency {options.Concurrency}");
        var aStart = RunClock.Now;
        var a = await ClosedLoopAsync(0, options.Needs, null, ct);
        var aDuration = RunClock.Now - aStart;
        Log($"(a) {a.Count(s => s.Accepted)} accepted in {aDuration.TotalSeconds:0.0} s; waiting for the advisors' emails");
        var aDispatch = await AwaitDispatchAsync(a, ct);

        // (d) before (c): it needs an idle app, and (c) leaves a backlog of emails that would take minutes to drain.
        var lifecycle = await LifecycleAsync([.. a.Where(s => s.Routed).Select(s => (s.SubjectId, s.Company))], ct);

        Log($"(c) sustained: closed loop, concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s");
        var cStart = RunClock.Now;
        var c = await ClosedLoopAsync(SustainedBase, null, options.Duration, ct);
        var cDuration = RunClock.Now - cStart;
        Log($"(c) {c.Count(s => s.Accepted)} accepted in {cDuration.TotalSeconds:0.0} s; counting the advisors' emails for {options.DrainWindow.TotalSeconds:0} s more");
        var cDispatch = await AwaitDispatchAsync(c, ct, cStart + cDuration + options.DrainWindow);

        return new RunResult(lookedUp, a, aDuration, aDispatch, c, cDuration, cDispatch, cStart, lifecycle);
    }

    /// <summary>
    /// The form looks the company up while the person types the SIRET (GET /api/companies/{siret}), long before they
    /// send: the app caches the answer, so submissions hit the cache. Paced under the app's own ceiling of 6 lookups a
    /// second (API Recherche d'entreprises allows 7), which is also the ceiling on NEW companies per second per instance.
    /// </summary>
    private async Task<int> WarmUpAsync(CancellationToken ct)
    {
        Log($"company look-ups as the form does them: {needs.Companies} companies at {options.LookupsPerSecond} per second");
        var start = RunClock.Now;
        var ok = 0;
        for (var k = 0; k < needs.Companies; k++)
        {
            var due = start + TimeSpan.FromSeconds(k / options.LookupsPerSecond);
            if (due > RunClock.Now)
            {
                await Task.Delay(due - RunClock.Now, ct);
            }

            var status = await app.LookUpCompanyAsync(CompanyPool.MakeSiret(k), ct);
            if (status == HttpStatusCode.OK)
            {
                ok++;
            }
            else
            {
                Log($"  look-up of company {k} answered {(int)status}");
            }
        }

        return ok;
    }

    private async Task<List<Submitted>> ClosedLoopAsync(int firstIndex, int? count, TimeSpan? duration, CancellationToken ct)
    {
        var results = new ConcurrentBag<Submitted>();
        var next = firstIndex - 1;
        var stopAt = duration is { } d ? RunClock.Now + d : TimeSpan.MaxValue;
        var errors = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (RunClock.Now < stopAt)
            {
                var i = Interlocked.Increment(ref next);
                if (count is { } n && i >= firstIndex + n)
                {
                    return;
                }

                var (body, subject, company) = needs.Build(i);
                var start = RunClock.Now;
                var result = await app.SubmitAsync(body, ct);
                results.Add(new Submitted(i, subject, company, start, RunClock.Now, result));
                if (result.NeedId is null && Interlocked.Increment(ref errors) <= 5)
                {
                    Log($"  submission {i} answered {result.Status}: {result.Error}");
                }
            }
        });
        await Task.WhenAll(workers);
        return [.. results.OrderBy(s => s.Index)];
    }

    /// <summary>Waits until every routed need has one email per advisor (or the timeout), and measures when they came.</summary>
    private async Task<Dispatch> AwaitDispatchAsync(IReadOnlyList<Submitted> submitted, CancellationToken ct, TimeSpan? until = null)
    {
        var routed = submitted.Where(s => s.Routed).ToList();
        var limit = until ?? RunClock.Now + EmailTimeout;
        var complete = await Mailbox.WaitUntilAsync(
            () => routed.All(s => mailbox.AdvisorMailsOf(s.Result.NeedId!).Count >= s.Result.AdvisorCount), limit - RunClock.Now, ct);
        var stoppedAt = RunClock.Now;
        if (!complete)
        {
            Log(until is null
                ? $"  some advisor emails did not come within {EmailTimeout.TotalMinutes:0} min"
                : "  time is up: the emails still waiting are left behind");
        }

        var first = new List<double>();
        var all = new List<double>();
        var last = TimeSpan.Zero;
        var completeCount = 0;
        var emails = 0;
        foreach (var s in routed)
        {
            var mails = mailbox.AdvisorMailsOf(s.Result.NeedId!).Where(m => m.SeenAt <= stoppedAt).ToList();
            emails += mails.Count;
            if (mails.Count == 0)
            {
                continue;
            }

            first.Add((mails[0].SeenAt - s.Start).TotalSeconds);
            last = mails[^1].SeenAt > last ? mails[^1].SeenAt : last;
            if (mails.Count >= s.Result.AdvisorCount)
            {
                completeCount++;
                all.Add((mails[s.Result.AdvisorCount - 1].SeenAt - s.Start).TotalSeconds);
            }
        }

        return new Dispatch(routed.Count, completeCount, [.. first], [.. all], last, complete ? last : stoppedAt, emails);
    }

    /// <summary>
    /// (d) Storage requests per need lifecycle: submit → the first advisor to get the email takes the need on → done,
    /// until every email (advisors, company confirmation and notices) is out. Submissions are spread out (light load).
    /// Then the same duration with nothing happening: the background polling, subtracted.
    /// </summary>
    private async Task<LifecycleResult> LifecycleAsync(IReadOnlyList<(string SubjectId, int Company)> routedCombos, CancellationToken ct)
    {
        if (routedCombos.Count == 0)
        {
            throw new InvalidOperationException("no need of phase (a) was routed to an advisor: nothing to take on.");
        }

        Log($"(d) lifecycle: waiting until the app is idle (no storage write for {options.Quiet.TotalSeconds:0} s)");
        await WaitStorageQuietAsync(ct);

        var n = options.LifecycleNeeds;
        Log($"(d) {n} needs at {options.LifecycleRate} per second, each taken on then done by its first advisor");
        var before = await app.StorageCountsAsync(ct);
        var failures = 0;
        var results = new Submitted?[n];
        var start = RunClock.Now;
        var tasks = Enumerable.Range(0, n).Select(async k =>
        {
            var due = start + TimeSpan.FromSeconds(k / options.LifecycleRate);
            if (due > RunClock.Now)
            {
                await Task.Delay(due - RunClock.Now, ct);
            }

            var (subjectId, company) = routedCombos[k % routedCombos.Count];
            var (body, _, _) = needs.Build(LifecycleBase + k, subjectId, company);
            var submitStart = RunClock.Now;
            var result = await app.SubmitAsync(body, ct);
            var submitted = results[k] = new Submitted(LifecycleBase + k, subjectId, company, submitStart, RunClock.Now, result);
            if (!submitted.Routed)
            {
                Interlocked.Increment(ref failures);
                Log($"  lifecycle need {k}: submission answered {result.Status}, {result.AdvisorCount} advisors {result.Error}");
                return false;
            }

            var needId = result.NeedId!;
            if (!await Mailbox.WaitUntilAsync(() => mailbox.AdvisorMailsOf(needId).Count > 0, EmailTimeout, ct))
            {
                Interlocked.Increment(ref failures);
                return false;
            }

            var token = mailbox.AdvisorMailsOf(needId)[0].Token;
            foreach (var status in LifecycleSteps)
            {
                var (code, error) = await app.ChangePositionAsync(needId, token, status, ct);
                if (code != 200)
                {
                    Interlocked.Increment(ref failures);
                    Log($"  lifecycle need {k}: position {status} answered {code}: {error}");
                    return false;
                }
            }

            return true;
        });
        var completed = (await Task.WhenAll(tasks)).Count(ok => ok);
        var submittedAll = results.Where(r => r is not null).Select(r => r!).ToList();
        var dispatch = await AwaitDispatchAsync(submittedAll, ct);
        Log($"(d) {completed} lifecycles done; waiting until everything is out (no storage write for {options.Quiet.TotalSeconds:0} s)");
        var after = await WaitStorageQuietAsync(ct);
        var duration = after.At - before.At;

        Log($"(d) idle: the same {duration.TotalSeconds:0} s with nothing to do");
        var idleBefore = await app.StorageCountsAsync(ct);
        await Task.Delay(duration, ct);
        var idleAfter = await app.StorageCountsAsync(ct);
        var meanAdvisors = submittedAll.Where(s => s.Routed).Select(s => (double)s.Result.AdvisorCount).DefaultIfEmpty().Average();
        return new LifecycleResult(n, submittedAll, completed, failures, duration, StorageCounts.Delta(before, after), StorageCounts.Delta(idleBefore, idleAfter), dispatch, meanAdvisors);
    }

    /// <summary>
    /// Waits until the app has written nothing to storage for <see cref="DriverOptions.Quiet"/>: with nothing to do it
    /// only reads (queue receives, timer and outbox sweeps, directory refresh), so a pause in writes longer than the
    /// company notice delay plus a timer sweep means every effect is carried out. Returns the counts at the last write.
    /// </summary>
    private async Task<StorageCounts> WaitStorageQuietAsync(CancellationToken ct)
    {
        static long Writes(StorageCounts counts) => counts.ByOperation.Where(p => !p.Key.Contains(" GET ", StringComparison.Ordinal)).Sum(p => p.Value);
        var lastChange = await app.StorageCountsAsync(ct);
        var deadline = RunClock.Now + TimeSpan.FromMinutes(5);
        while (RunClock.Now - lastChange.At < options.Quiet && RunClock.Now < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
            var now = await app.StorageCountsAsync(ct);
            if (Writes(now) != Writes(lastChange))
            {
                lastChange = now;
            }
        }

        return lastChange;
    }

    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{RunClock.Now.TotalSeconds,6:0.0}s] {message}"));

    [GeneratedRegex(@"/operateur/#jeton=([^\s""'<>()\[\]&]+)", RegexOptions.CultureInvariant)]
    private static partial Regex OperatorLink();
}
