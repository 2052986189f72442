using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>The driver's monotonic clock: every time it records is an offset from its start.</summary>
internal static class RunClock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public static TimeSpan Now => Watch.Elapsed;
}

/// <summary>An advisor email that carries a need sheet link (<c>conseiller/besoin.html#besoin=…&amp;jeton=…</c>).</summary>
internal sealed record AdvisorMail(TimeSpan SeenAt, string Advisor, string Token);

/// <summary>
/// Follows MailDev's REST API (MailDev 3: <c>GET /api/email</c>, in arrival order): every 100 ms it asks only for the
/// emails after those already seen (<c>?skip=n</c>), so that a poll costs what is new, not the whole mailbox.
/// MailDev's own <c>time</c> is the Date header (whole seconds), too coarse: an email's arrival is taken as the middle
/// of the interval in which it first showed up (±0.1 s).
/// </summary>
internal sealed partial class Mailbox : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, List<AdvisorMail>> _advisorMails = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string To, string Text)> _otherMails = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _seen;

    public Mailbox(Uri baseUrl)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _loop = Task.Run(() => PollAsync(_stop.Token));
    }

    /// <summary>Emails seen so far, of any kind.</summary>
    public int Count => Volatile.Read(ref _seen);

    public string? LastError { get; private set; }

    /// <summary>The need sheet emails of a need so far (one per advisor it was sent to), earliest first.</summary>
    public IReadOnlyList<AdvisorMail> AdvisorMailsOf(string needId)
    {
        if (!_advisorMails.TryGetValue(needId, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list.OrderBy(m => m.SeenAt)];
        }
    }

    /// <summary>Waits for the first email to <paramref name="to"/> whose text matches <paramref name="pattern"/>; returns the first group.</summary>
    public async Task<string> WaitForAsync(string to, Regex pattern, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = RunClock.Now + timeout;
        while (RunClock.Now < deadline)
        {
            foreach (var (address, text) in _otherMails)
            {
                if (string.Equals(address, to, StringComparison.OrdinalIgnoreCase) && pattern.Match(text) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            await Task.Delay(PollInterval, ct);
        }

        throw new TimeoutException($"no email to {to} matching {pattern} within {timeout.TotalSeconds:0} s (MailDev: {LastError ?? "no error"})");
    }

    /// <summary>Waits until <paramref name="done"/> holds, or <paramref name="timeout"/>; false on timeout.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = RunClock.Now + timeout;
        while (!done())
        {
            if (RunClock.Now >= deadline)
            {
                return false;
            }

            await Task.Delay(PollInterval, ct);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _http.Dispose();
    }

    private async Task PollAsync(CancellationToken ct)
    {
        var previousPoll = RunClock.Now;
        while (!ct.IsCancellationRequested)
        {
            var start = RunClock.Now;
            try
            {
                var emails = await _http.GetFromJsonAsync<List<MailDevEmail>>($"api/email?skip={_seen}", ct) ?? [];
                if (emails.Count > 0)
                {
                    var seenAt = TimeSpan.FromTicks((previousPoll.Ticks + RunClock.Now.Ticks) / 2);
                    foreach (var email in emails)
                    {
                        Record(email, seenAt);
                    }

                    Volatile.Write(ref _seen, _seen + emails.Count);
                }

                LastError = null;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                LastError = e.Message;
            }

            previousPoll = start;
            var wait = PollInterval - (RunClock.Now - start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
        }
    }

    private void Record(MailDevEmail email, TimeSpan seenAt)
    {
        var text = email.Text ?? string.Empty;
        var to = email.To.FirstOrDefault()?.Address ?? string.Empty;
        var sheet = AdvisorSheetLink().Match(text);
        if (sheet.Success)
        {
            var needId = Uri.UnescapeDataString(sheet.Groups["need"].Value);
            var list = _advisorMails.GetOrAdd(needId, _ => []);
            lock (list)
            {
                list.Add(new AdvisorMail(seenAt, to, Uri.UnescapeDataString(sheet.Groups["token"].Value)));
            }

            return;
        }

        _otherMails.Enqueue((to, text));
    }

    [GeneratedRegex(@"conseiller/besoin\.html#besoin=(?<need>[^&\s]+)&(?:amp;)?jeton=(?<token>[^\s""'<>()\[\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex AdvisorSheetLink();

    private sealed class MailDevEmail
    {
        [JsonPropertyName("text")]
        public string? Text { get; set; }

        [JsonPropertyName("to")]
        public List<MailDevAddress> To { get; set; } = [];
    }

    private sealed class MailDevAddress
    {
        [JsonPropertyName("address")]
        public string Address { get; set; } = string.Empty;
    }
}
