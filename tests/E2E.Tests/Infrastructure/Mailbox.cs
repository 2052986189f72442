using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// Reads the SMTP capture through its web API (MailDev: <c>GET /api/email</c>). Every recipient in these tests is unique
/// to the run, so reading never clashes with other test projects sharing the capture; nothing is ever deleted.
/// </summary>
public sealed partial class Mailbox : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = E2EEnvironment.MailboxUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<CapturedEmail>> ForAsync(string recipient)
    {
        var all = await _http.GetFromJsonAsync<List<CapturedEmail>>("api/email") ?? [];
        return [.. all.Where(m => m.To.Any(t => string.Equals(t.Address, recipient, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The first email to <paramref name="recipient"/> matching <paramref name="match"/>, waiting for it (the SMTP path is asynchronous).</summary>
    public async Task<CapturedEmail> WaitForAsync(string recipient, Func<CapturedEmail, bool> match, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        IReadOnlyList<CapturedEmail> emails;
        do
        {
            emails = await ForAsync(recipient);
            if (emails.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException(
            $"No email to {recipient} ({what}) arrived in time. Emails to that address: "
            + (emails.Count == 0 ? "none" : string.Join(" | ", emails.Select(e => $"« {e.Subject} »"))));
    }

    /// <summary>Emails to <paramref name="recipient"/> whose text mentions <paramref name="needId"/> (every need email links to its need).</summary>
    public async Task<IReadOnlyList<CapturedEmail>> AboutAsync(string recipient, string needId) =>
        [.. (await ForAsync(recipient)).Where(e => e.Mentions(needId))];

    public void Dispose() => _http.Dispose();
}

public sealed partial class CapturedEmail
{
    public string Subject { get; set; } = string.Empty;
    public string? Text { get; set; }
    public string? Html { get; set; }
    public List<Recipient> To { get; set; } = [];

    public bool Mentions(string value) =>
        (Text ?? string.Empty).Contains(value, StringComparison.Ordinal) || (Text ?? string.Empty).Contains(Uri.EscapeDataString(value), StringComparison.Ordinal);

    /// <summary>Every link of the text part under <paramref name="site"/> whose path contains <paramref name="pathPart"/>.</summary>
    public IReadOnlyList<Uri> LinksTo(Uri site, string pathPart)
    {
        ArgumentNullException.ThrowIfNull(site);
        return [.. Url().Matches(Text ?? string.Empty)
            .Select(m => new Uri(m.Value))
            .Where(u => u.AbsoluteUri.StartsWith(site.AbsoluteUri, StringComparison.Ordinal) && u.AbsolutePath.Contains(pathPart, StringComparison.Ordinal))];
    }

    /// <summary>The one link to <paramref name="pathPart"/>, failing with the email's text when there is none.</summary>
    public Uri LinkTo(Uri site, string pathPart) =>
        LinksTo(site, pathPart) is [var first, ..]
            ? first
            : throw new Xunit.Sdk.XunitException($"The email « {Subject} » has no link to {pathPart} under {site}. Its text:\n{Text}");

    public sealed class Recipient
    {
        [JsonPropertyName("address")]
        public string Address { get; set; } = string.Empty;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
