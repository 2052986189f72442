using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Security;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Storage.Directory;
using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// One real app for the whole browser suite: Kestrel on a loopback port, Azurite (its own table prefix), the SMTP
/// capture, a fake API Recherche d'entreprises, a small directory saved before start, second-long workflow delays,
/// and one headless Debian Chromium driven by Playwright. Email links point at the app itself, so a test opens them
/// in the browser as the person would.
/// </summary>
public sealed class E2EApp : IAsyncLifetime, IAsyncDisposable
{
    private const string KeyId = "e2e";
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
        // Here the site is on 127.0.0.1, so Chromium's Local Network Access would hold the requests a "public" partner
        // page's frame makes to it behind a permission prompt (EmbeddedFormTests); on Azure both are public.
        "--disable-features=LocalNetworkAccessChecks",
    ];

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private SiteHost? _host;
    private FakeRechercheEntreprisesServer? _companies;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private int _disposed;
    private int _siretCounter = Random.Shared.Next(10_000, 90_000_000);

    public string Run { get; } = Guid.NewGuid().ToString("N")[..8];

    public TestDirectory Directory { get; private set; } = null!;

    public Uri BaseUrl => Host.BaseUrl;

    public SiteHost Host => _host ?? throw new InvalidOperationException("The app is not started.");

    public FakeRechercheEntreprisesServer Companies => _companies ?? throw new InvalidOperationException("The fake company API is not started.");

    public Mailbox Mailbox { get; } = new();

    /// <summary>The one address of Operators:Emails: the only one that receives an operator sign-in link.</summary>
    public string OperatorEmail => $"operateur-{Run}@conseillers-entreprises.test";

    public HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Fail at once, with the reason, when the environment is incomplete (before anything is started).
        var chromium = E2EEnvironment.ChromiumPath;
        var storage = E2EEnvironment.StorageConnectionString;

        Screenshots.Clear();
        _companies = await FakeRechercheEntreprisesServer.StartAsync();
        Directory = new TestDirectory(Run);
        var prefix = "e2e" + Guid.NewGuid().ToString("N")[..10];
        var store = new TableDirectoryStore(new TableServiceClient(storage), TimeProvider.System, prefix);
        await store.EnsureCreatedAsync(CancellationToken.None);
        await store.SaveAsync(Directory.Document, CancellationToken.None);

        var port = SiteHost.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storage,
            ["Storage:TablePrefix"] = prefix,
            ["Smtp:Host"] = E2EEnvironment.SmtpHost,
            ["Smtp:Port"] = E2EEnvironment.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:From"] = "Conseillers-Entreprises <contact@conseillers-entreprises.test>",
            ["Email:MaxPerMinute"] = "6000",
            ["Links:SigningKeys:0"] = KeyId + "=" + Convert.ToBase64String(_secret),
            ["Site:BaseUrl"] = $"http://127.0.0.1:{port}",
            ["Operators:Emails:0"] = OperatorEmail,
            ["CompanyLookup:BaseUrl"] = Companies.BaseUrl.ToString(),
            ["Directory:RefreshInterval"] = "00:00:00.500",
            ["Directory:SeedDemo"] = "false",
            ["RateLimits:PublicPerMinute"] = "100000",
            ["RateLimits:NeedsPerHour"] = "1000",
            ["RateLimits:LoginLinksPerHour"] = "1000",
            ["Workflow:BusinessHoursOnly"] = "false",
            ["Workflow:CompanyNoticeDelay"] = "00:00:01",
            ["Workflow:CommentNoticeDelay"] = "00:00:01",
            ["Managers:DigestUnansweredAfter"] = "00:00:00", // the managers' test runs the digest on a need just submitted
            ["Stats:CacheDuration"] = "00:00:00", // pages must show the figures of the needs a test just submitted
            // Playwright fills the form's three steps faster than a person could (5 s by default): above one second, it is dispatched.
            ["Moderation:MinSecondsToFill"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _host = new SiteHost(settings, port);
        _host.StartServer();
        Api = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(15) };
        await WaitUntilServingAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>A fresh browser context (no cookies, no storage), French, Paris time, with its errors and dialogs recorded.</summary>
    public async Task<BrowserSession> OpenBrowserAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser is not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = BaseUrl.ToString(),
        });
        context.SetDefaultTimeout(10_000);
        return await BrowserSession.StartAsync(context);
    }

    /// <summary>A SIRET registered with the fake API (establishment in Penne-d'Agenais, Lot-et-Garonne), unique to the call.</summary>
    public FakeCompany NewCompany(Action<FakeCompany>? configure = null) =>
        Companies.AddCompany(FakeRechercheEntreprisesServer.MakeSiret(Interlocked.Increment(ref _siretCounter)), configure);

    /// <summary>A valid SIRET the fake API does not know.</summary>
    public string UnknownSiret() => FakeRechercheEntreprisesServer.MakeSiret(Interlocked.Increment(ref _siretCounter));

    public string CompanyEmail(string who) => $"{who}-{Run}-{Guid.NewGuid().ToString("N")[..6]}@entreprise.test";

    /// <summary>An advisor link signed with the app's key, as the emails carry, but expiring at <paramref name="expiresAt"/>.</summary>
    public Uri AdvisorNeedLink(string advisorId, string needId, DateTimeOffset expiresAt)
    {
        var token = new SignedTokens([new SigningKey(KeyId, _secret)]).Issue(new TokenClaims(TokenAudiences.Advisor, advisorId, expiresAt));
        return new Uri(BaseUrl, $"conseiller/besoin.html#besoin={Uri.EscapeDataString(needId)}&jeton={Uri.EscapeDataString(token)}");
    }

    /// <summary>An operator sign-in link signed with the app's key, as the email carries, but expiring at <paramref name="expiresAt"/>.</summary>
    public Uri OperatorLink(DateTimeOffset expiresAt)
    {
        var token = new SignedTokens([new SigningKey(KeyId, _secret)]).Issue(new TokenClaims(TokenAudiences.Operator, OperatorEmail, expiresAt));
        return new Uri(BaseUrl, $"operateur/#jeton={Uri.EscapeDataString(token)}");
    }

    /// <summary>Submits a need through the API (for scenarios whose subject is not the form itself); returns its id.</summary>
    public async Task<string> SubmitNeedAsync(string subjectId, string siret, string companyEmail, string description)
    {
        var response = await Api.PostAsJsonAsync("/api/needs", new
        {
            subjectId,
            description,
            siret,
            firstName = "Jeanne",
            lastName = "Roux",
            email = companyEmail,
            phone = "06 11 22 33 44",
            consent = true,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/needs: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString()!;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        Mailbox.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_companies is not null)
        {
            await _companies.DisposeAsync();
        }
    }

    /// <summary>Health answers and the directory saved before start is the one served (its catalogue).</summary>
    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var health = await Api.GetAsync("/api/health");
                using var catalog = await Api.GetAsync("/api/catalog");
                var body = await catalog.Content.ReadAsStringAsync();
                if (health.IsSuccessStatusCode && catalog.IsSuccessStatusCode && body.Contains(TestDirectory.TeamSubject, StringComparison.Ordinal))
                {
                    return;
                }

                last = $"health {(int)health.StatusCode}, catalog {(int)catalog.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"The app at {BaseUrl} did not become ready in 30 s ({last}).");
    }
}

[CollectionDefinition(Name)]
public sealed class E2EGroup : ICollectionFixture<E2EApp>
{
    /// <summary>One app and one browser for every browser test; the tests of the collection run one after the other.</summary>
    public const string Name = "E2E";
}
