using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace ConseillersEntreprises.Integration.Tests.Infrastructure;

/// <summary>Signs in as an operator the way a person does: asks for a link, reads the email, keeps the token.</summary>
public static partial class OperatorSession
{
    public static async Task<HttpClient> SignInAsync(AppHost host, Mailbox mailbox)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(mailbox);
        var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/admin/login-link", new { email = host.OperatorEmail });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // The operators may also have alerts (e.g. a need waiting in a basket): the sign-in email is the one with a link.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var token = string.Empty;
        while (token.Length == 0 && DateTime.UtcNow < deadline)
        {
            var link = (await mailbox.ForAsync(host.OperatorEmail)).Select(e => TokenInLink().Match(e.Text ?? string.Empty)).FirstOrDefault(m => m.Success);
            token = link is null ? string.Empty : Uri.UnescapeDataString(link.Groups[1].Value);
            if (token.Length == 0)
            {
                await Task.Delay(200);
            }
        }

        Assert.False(string.IsNullOrEmpty(token), "the sign-in email carries a link with the token in its fragment");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"#jeton=([^\s]+)")]
    private static partial Regex TokenInLink();
}
