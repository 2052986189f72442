using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>The results as Markdown: the figures, then the storage operations of one need lifecycle.</summary>
internal static class Report
{
    public static string Markdown(DriverOptions o, int subjects, RunResult r)
    {
        var md = new StringBuilder();
        void Line(string text) => md.Append(text).Append('\n');
        static string F(double value, string format) => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
        static string Ms(IReadOnlyCollection<double> v) => $"{F(Stats.Percentile(v, 50), "0.0")} / {F(Stats.Percentile(v, 95), "0.0")} / {F(Stats.Percentile(v, 99), "0.0")} ms";
        static string S2(IReadOnlyCollection<double> v) => $"{F(Stats.Percentile(v, 50), "0.00")} / {F(Stats.Percentile(v, 95), "0.00")} s";

        var a = r.LatencyPhase;
        var aAccepted = a.Where(s => s.Accepted).ToList();
        var c = r.SustainedPhase;
        var cAccepted = c.Count(s => s.Accepted);
        var cSpan = (r.SustainedDispatch.Until - r.SustainedStart).TotalSeconds;
        var cEndToEnd = r.SustainedDispatch.Complete / cSpan;
        var d = r.Lifecycle;
        var gross = d.Lifecycle.Values.Sum();
        var idle = d.Idle.Values.Sum();

        Line($"Command: `{o.Command ?? "LoadDriver run"}`");
        Line(string.Empty);
        Line(FormattableString.Invariant($"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; ")
             + "the app (Release), Azurite, MailDev, the fake company API and the driver all on this machine. "
             + FormattableString.Invariant($"{o.Companies} companies spread over France, {subjects} subjects of the demo catalogue, 2,000-advisor demo directory."));
        Line(string.Empty);
        Line("| measure | value | how |");
        Line("|---|---:|---|");
        Line($"| (a) submit latency p50 / p95 / p99 | {Ms([.. aAccepted.Select(s => s.LatencyMs)])} | {a.Count} × `POST /api/needs`, {o.Concurrency} in flight; the company was looked up beforehand, as the form does ({r.CompaniesLookedUp} look-ups at {F(o.LookupsPerSecond, "0.#")}/s) |");
        Line($"| (a) accepted, routed to ≥ 1 advisor | {aAccepted.Count} / {a.Count}, {a.Count(s => s.Routed)} | mean {F(aAccepted.Where(s => s.Routed).Select(s => (double)s.Result.AdvisorCount).DefaultIfEmpty().Average(), "0.0")} advisors per routed need |");
        Line($"| (a) intake during (a) | {F(aAccepted.Count / r.LatencyPhaseDuration.TotalSeconds, "0.0")} needs/s | {aAccepted.Count} needs in {F(r.LatencyPhaseDuration.TotalSeconds, "0.0")} s |");
        Line($"| (b) submit → first advisor email p50 / p95, during (a) | {S2(r.LatencyDispatch.FirstEmailSeconds)} | from sending the request to the email in MailDev (±0.1 s); {r.LatencyDispatch.Routed} routed needs |");
        Line($"| (b) submit → every advisor's email p50 / p95, during (a) | {S2(r.LatencyDispatch.AllEmailsSeconds)} | {r.LatencyDispatch.Complete} of {r.LatencyDispatch.Routed} needs complete |");
        Line($"| (b) submit → first advisor email p50 / p95, light load | {S2(d.Dispatch.FirstEmailSeconds)} | the {d.Needs} needs of (d), {F(o.LifecycleRate, "0.#")} per second |");
        Line($"| (d) submit latency p50 / p95 / p99, light load | {Ms([.. d.Submitted.Where(s => s.Accepted).Select(s => s.LatencyMs)])} | the {d.Needs} needs of (d), {F(o.LifecycleRate, "0.#")} per second, nothing else running |");
        Line($"| (c) sustained intake | {F(cAccepted / r.SustainedDuration.TotalSeconds, "0.0")} needs/s | closed loop, {o.Concurrency} in flight, {F(r.SustainedDuration.TotalSeconds, "0")} s: {cAccepted} accepted, {c.Count - cAccepted} refused; p50 / p95 / p99 {Ms([.. c.Where(s => s.Accepted).Select(s => s.LatencyMs)])} |");
        Line($"| (c) sustained end to end | {F(cEndToEnd, "0.0")} needs/s | needs of (c) with every advisor email out within {F(cSpan, "0")} s of the loop's start ({F(r.SustainedDispatch.AdvisorEmails / cSpan, "0")} advisor emails/s); {r.SustainedDispatch.Complete} of {r.SustainedDispatch.Routed} routed needs done, the rest still queued when the run stopped |");
        Line($"| (d) storage requests per need lifecycle | **{F((gross - idle) / (double)d.Needs, "0.0")}** net ({F(gross / (double)d.Needs, "0.0")} counted − {F(idle / (double)d.Needs, "0.0")} idle) | submit → first advisor takes it on → done, every email out; {d.Completed} of {d.Needs} needs, mean {F(d.MeanAdvisors, "0.0")} advisors each, over {F(d.Duration.TotalSeconds, "0")} s |");
        Line($"| idle background | {F(idle / d.Duration.TotalMinutes, "0")} requests/min | queue listeners, timer and outbox sweeps, directory refresh, with nothing to do (same {F(d.Duration.TotalSeconds, "0")} s) |");
        Line(string.Empty);
        Line("Storage requests of one need lifecycle, by operation (`(key)` one entity, `$batch` one entity-group transaction):");
        Line(string.Empty);
        Line("| operation | per need, counted | idle, per need | per need, net |");
        Line("|---|---:|---:|---:|");
        foreach (var op in d.Lifecycle.Keys.Union(d.Idle.Keys).Select(k => (Key: k, Life: d.Lifecycle.GetValueOrDefault(k), Idle: d.Idle.GetValueOrDefault(k)))
                     .Where(x => x.Life != 0 || x.Idle != 0)
                     .OrderByDescending(x => x.Life - x.Idle).ThenBy(x => x.Key, StringComparer.Ordinal))
        {
            Line($"| `{op.Key}` | {F(op.Life / (double)d.Needs, "0.00")} | {F(op.Idle / (double)d.Needs, "0.00")} | {F((op.Life - op.Idle) / (double)d.Needs, "0.00")} |");
        }

        Line(string.Empty);
        Line(FormattableString.Invariant($"Load driver CPU time: {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0} s."));
        return md.ToString();
    }
}
