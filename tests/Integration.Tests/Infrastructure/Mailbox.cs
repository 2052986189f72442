using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Integration.Tests.Infrastructure;

/// <summary>Reads the SMTP capture's web API (MailDev 3: GET /api/email). Tests use unique recipients, so they never clash.</summary>
public sealed class Mailbox : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = TestEnvironment.MailboxUrl, Timeout = TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<CapturedEmail>> ForAsync(string recipient)
    {
        var all = await _http.GetFromJsonAsync<List<CapturedEmail>>("api/email") ?? [];
        return [.. all.Where(m => m.To.Any(t => string.Equals(t.Address, recipient, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Waits for <paramref name="count"/> emails to <paramref name="recipient"/> (polling; the SMTP path is asynchronous).</summary>
    public async Task<IReadOnlyList<CapturedEmail>> WaitForAsync(string recipient, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var emails = await ForAsync(recipient);
            if (emails.Count >= count || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();
}

public sealed class CapturedEmail
{
    public string Subject { get; set; } = string.Empty;
    public string? Text { get; set; }
    public string? Html { get; set; }
    public List<Recipient> To { get; set; } = [];

    public sealed class Recipient
    {
        [JsonPropertyName("address")]
        public string Address { get; set; } = string.Empty;
    }
}
