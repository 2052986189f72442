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
        var email = Assert.Single(await mailbox.WaitForAsync(host.OperatorEmail));
        var token = Uri.UnescapeDataString(TokenInLink().Match(email.Text ?? string.Empty).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), "the email carries a link with the token in its fragment");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"#jeton=([^\s]+)")]
    private static partial Regex TokenInLink();
}
