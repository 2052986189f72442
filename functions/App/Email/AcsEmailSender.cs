using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using ConseillersEntreprises.App.Settings;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Azure Communication Services Email over its REST API (the SDK package is not obtainable here):
/// <c>POST {endpoint}/emails:send?api-version=2023-03-31</c> with a managed-identity token, and an
/// <c>Operation-Id</c> derived from the email's key so that a retried send is not sent twice. 429 and 5xx answers
/// become <see cref="EmailDeferredException"/> honouring Retry-After: the email waits, it is not lost.
/// </summary>
public sealed class AcsEmailSender(HttpClient http, TokenCredential credential, IOptions<EmailOptions> options, TimeProvider time) : IEmailSender
{
    private static readonly string[] Scopes = ["https://communication.azure.com/.default"];

    public async Task<bool> SendAsync(EmailMessage message, Func<CancellationToken, Task<bool>>? claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From);
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), ct);
        // "./" keeps "emails:send" a path: alone it would read as a URI scheme "emails:".
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.Acs.Endpoint!.TrimEnd('/') + "/"), "./emails:send?api-version=2023-03-31"))
        {
            Content = JsonContent.Create(new
            {
                senderAddress = from.Address,
                recipients = new { to = new[] { new { address = message.To } } },
                content = new { subject = message.Subject, plainText = message.TextBody, html = message.HtmlBody },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        request.Headers.Add("Operation-Id", OperationId(message).ToString());

        if (claim is not null && !await claim(ct))
        {
            return false;
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new EmailDeferredException(settings.Acs.DefaultRetryAfter, "Azure Communication Services is unreachable.", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta
                    ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : (TimeSpan?)null)
                    ?? settings.Acs.DefaultRetryAfter;
                throw new EmailDeferredException(retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter, $"Azure Communication Services answered {(int)response.StatusCode}.");
            }

            throw new InvalidOperationException($"Azure Communication Services refused the email ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>A GUID stable for one email key, random when the email has none.</summary>
    public static Guid OperationId(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.IdempotencyKey is { } key ? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)) : Guid.NewGuid();
    }
}
