using System.Net;
using System.Text.Json;
using Azure.Core;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>The ACS Email adapter against a local server speaking the ACS REST contract.</summary>
public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private readonly List<(string? OperationId, string? Authorization, JsonElement Body)> _received = [];
    private WebApplication _server = null!;
    private Queue<(int Status, string? RetryAfter)> _answers = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/emails:send", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            lock (_received)
            {
                _received.Add((context.Request.Headers["Operation-Id"].ToString(), context.Request.Headers.Authorization.ToString(), body));
            }

            var (status, retryAfter) = _answers.Count > 0 ? _answers.Dequeue() : (202, null);
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            context.Response.StatusCode = status;
        });
        await _server.StartAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private AcsEmailSender Sender(HttpClient http) => new(http, new StaticToken(), Options.Create(new EmailOptions
    {
        From = "Conseillers-Entreprises <contact@conseillers-entreprises.test>",
        Acs = new AcsEmailOptions { Endpoint = _server.Urls.First() + "/" },
    }), TimeProvider.System);

    private static EmailMessage Message(string key) => new("claire@example.org", "Sujet", "<p>Bonjour</p>", "Bonjour") { IdempotencyKey = key };

    [Fact]
    public async Task Sends_with_a_bearer_token_and_an_operation_id_stable_per_email_key()
    {
        using var http = new HttpClient();
        var sender = Sender(http);

        await sender.SendAsync(Message("need-1:email:dispatch:a1"), claim: null, CancellationToken.None);
        await sender.SendAsync(Message("need-1:email:dispatch:a1"), claim: null, CancellationToken.None);
        await sender.SendAsync(Message("need-1:email:dispatch:a2"), claim: null, CancellationToken.None);

        Assert.Equal(3, _received.Count);
        Assert.Equal("Bearer test-token", _received[0].Authorization);
        Assert.Equal(_received[0].OperationId, _received[1].OperationId);
        Assert.NotEqual(_received[0].OperationId, _received[2].OperationId);
        Assert.True(Guid.TryParse(_received[0].OperationId, out _));
        var body = _received[0].Body;
        Assert.Equal("contact@conseillers-entreprises.test", body.GetProperty("senderAddress").GetString());
        Assert.Equal("claire@example.org", body.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Equal("Bonjour", body.GetProperty("content").GetProperty("plainText").GetString());
    }

    [Theory]
    [InlineData(429, "17", 17)]
    [InlineData(503, "5", 5)]
    [InlineData(500, null, 30)]
    public async Task Throttling_and_outages_defer_the_email_honouring_retry_after(int status, string? retryAfter, int expectedSeconds)
    {
        _answers = new Queue<(int, string?)>([(status, retryAfter)]);
        using var http = new HttpClient();

        var deferred = await Assert.ThrowsAsync<EmailDeferredException>(() => Sender(http).SendAsync(Message("k"), claim: null, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), deferred.RetryAfter);
    }

    [Fact]
    public async Task A_refused_email_is_an_error_not_a_deferral()
    {
        _answers = new Queue<(int, string?)>([(400, null)]);
        using var http = new HttpClient();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Sender(http).SendAsync(Message("k"), claim: null, CancellationToken.None));
    }

    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
