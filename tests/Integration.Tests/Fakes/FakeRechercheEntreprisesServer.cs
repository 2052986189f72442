using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ConseillersEntreprises.Core.Companies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConseillersEntreprises.Integration.Tests.Fakes;

/// <summary>How the fake answers every request (before looking at the query).</summary>
public enum FakeServerMode
{
    /// <summary>Answers from the registered companies, like the real API.</summary>
    Normal,

    /// <summary>HTTP 503 (maintenance, overload).</summary>
    Unavailable,

    /// <summary>HTTP 500.</summary>
    InternalError,

    /// <summary>Never answers: the request hangs until the client gives up (its timeout) or the server stops.</summary>
    Hang,

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    MalformedJson,
}

/// <summary>A request the fake received, with the server-side time it arrived.</summary>
/// <param name="ReceivedAt">Time since the server started (monotonic, precise), for rate measurements.</param>
/// <param name="ReceivedAtUtc">Wall-clock arrival time.</param>
/// <param name="Path">Request path, e.g. "/search".</param>
/// <param name="Query">The <c>q</c> parameter as sent (null when absent).</param>
/// <param name="UserAgent">The User-Agent header (null when absent).</param>
public sealed record FakeRequest(TimeSpan ReceivedAt, DateTimeOffset ReceivedAtUtc, string Path, string? Query, string? UserAgent);

/// <summary>
/// One establishment known to the fake, with the facts it serves in API Recherche d'entreprises' format. Every
/// property may be changed after registration (the next answer uses the new value). Defaults follow
/// /work/shared/fixtures/recherche-entreprises-siret.json.
/// </summary>
public sealed class FakeCompany
{
    public FakeCompany(string siret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siret);
        if (!Core.Companies.Siret.TryNormalize(siret, out var normalized, out var error))
        {
            throw new ArgumentException(error, nameof(siret));
        }

        Siret = normalized;
    }

    public string Siret { get; }

    public string Siren => Siret[..9];

    /// <summary><c>nom_raison_sociale</c> and <c>nom_complet</c>.</summary>
    public string? Name { get; set; } = "MENUISERIE DUPONT";

    /// <summary>Establishment's <c>commune</c> (an arrondissement code such as 69383 is served as is, like the real API).</summary>
    public string? CommuneCode { get; set; } = "47203";

    /// <summary>Establishment's <c>libelle_commune</c>.</summary>
    public string? CommuneName { get; set; } = "PENNE-D'AGENAIS";

    public string? PostalCode { get; set; } = "47140";

    public string? Departement { get; set; } = "47";

    public string? Region { get; set; } = "75";

    public string? Epci { get; set; } = "200068930";

    public string? Address { get; set; } = "12 RUE DES ARTISANS 47140 PENNE-D'AGENAIS";

    /// <summary><c>activite_principale</c>, with its dot.</summary>
    public string? NafCode { get; set; } = "16.23Z";

    /// <summary><c>tranche_effectif_salarie</c>: "NN" or null for unknown.</summary>
    public string? HeadcountBracket { get; set; } = "12";

    /// <summary>Company <c>date_creation</c>.</summary>
    public DateOnly? CreationDate { get; set; } = new DateOnly(2009, 4, 1);

    /// <summary><c>nature_juridique</c>.</summary>
    public string? LegalFormCode { get; set; } = "5499";

    /// <summary>Company <c>etat_administratif</c>: "A" active, "C" ceased.</summary>
    public string CompanyState { get; set; } = "A";

    /// <summary>Establishment <c>etat_administratif</c>: "A" open, "F" closed.</summary>
    public string EstablishmentState { get; set; } = "A";

    /// <summary>Siège's <c>code_pays_etranger</c> (INSEE country code such as "99109"); null in France.</summary>
    public string? ForeignCountryCode { get; set; }

    /// <summary>
    /// True: this establishment is the siège. False: the siège is another establishment, served with the
    /// <c>HeadOffice…</c> values (by default in Paris 8e), so that tests can check the territory is not taken from it.
    /// </summary>
    public bool IsHeadOffice { get; set; } = true;

    public string? HeadOfficeSiret { get; set; }

    public string HeadOfficeCommuneCode { get; set; } = "75108";

    public string HeadOfficeCommuneName { get; set; } = "PARIS 8";

    public string HeadOfficePostalCode { get; set; } = "75008";
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (random port) that answers <c>GET /search?q=</c> in API Recherche d'entreprises'
/// exact format. Register establishments with <see cref="AddCompany(string, Action{FakeCompany}?)"/> or
/// <see cref="AddCompany(CompanyFacts)"/>, point the app at <see cref="BaseUrl"/> (setting <c>CompanyLookup:BaseUrl</c>,
/// see <see cref="Settings"/>), switch failure modes with <see cref="Mode"/>, <see cref="ResponseDelay"/> and
/// <see cref="RespondTooManyRequests"/>, and count what arrived with <see cref="RequestCount"/> and <see cref="Requests"/>.
/// Thread-safe. Dispose to stop it.
/// </summary>
public sealed class FakeRechercheEntreprisesServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeCompany> companies = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TimeSpan?> tooManyRequests = new();
    private readonly List<FakeRequest> requests = [];
    private readonly Lock requestsLock = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;
    private volatile FakeServerMode mode;
    private long responseDelayTicks;

    private FakeRechercheEntreprisesServer()
    {
    }

    /// <summary>Base URL to put in <c>CompanyLookup:BaseUrl</c>, e.g. http://127.0.0.1:49152/.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The settings that point the app at this fake, to merge into a host's configuration.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["CompanyLookup:BaseUrl"] = BaseUrl.ToString(),
    };

    /// <summary>How every request is answered; <see cref="FakeServerMode.Normal"/> by default.</summary>
    public FakeServerMode Mode
    {
        get => mode;
        set => mode = value;
    }

    /// <summary>Delay before answering (any mode but <see cref="FakeServerMode.Hang"/>); zero by default.</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref responseDelayTicks));
        set => Interlocked.Exchange(ref responseDelayTicks, value.Ticks);
    }

    /// <summary>Number of requests received so far (any path, any answer).</summary>
    public int RequestCount
    {
        get
        {
            lock (requestsLock)
            {
                return requests.Count;
            }
        }
    }

    /// <summary>A copy of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (requestsLock)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Starts a fake on 127.0.0.1 with a port chosen by the system.</summary>
    public static async Task<FakeRechercheEntreprisesServer> StartAsync(CancellationToken ct = default)
    {
        var server = new FakeRechercheEntreprisesServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/search", server.HandleAsync);
        app.MapFallback(context =>
        {
            server.Record(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { erreur = "Route inconnue." }, context.RequestAborted);
        });
        await app.StartAsync(ct);
        server.app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>
    /// A valid SIRET (Luhn on SIREN and SIRET) built from two small numbers, distinct for distinct inputs:
    /// SIREN 8 digits from <paramref name="company"/> + check digit, NIC 4 digits from <paramref name="establishment"/> + check digit.
    /// </summary>
    public static string MakeSiret(int company, int establishment = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(company);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(company, 99_999_999);
        ArgumentOutOfRangeException.ThrowIfNegative(establishment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(establishment, 9_999);
        var siren = WithLuhnDigit((10_000_000 + company).ToString("D8", CultureInfo.InvariantCulture)[^8..]);
        return WithLuhnDigit(siren + establishment.ToString("D4", CultureInfo.InvariantCulture));
    }

    /// <summary>Registers (or replaces) an establishment, with the defaults of <see cref="FakeCompany"/> changed by <paramref name="configure"/>.</summary>
    public FakeCompany AddCompany(string siret, Action<FakeCompany>? configure = null)
    {
        var company = new FakeCompany(siret);
        configure?.Invoke(company);
        companies[company.Siret] = company;
        return company;
    }

    /// <summary>Registers (or replaces) an establishment whose answer maps back to <paramref name="facts"/>.</summary>
    public FakeCompany AddCompany(CompanyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return AddCompany(facts.Siret, c =>
        {
            c.Name = facts.Name;
            c.CommuneCode = facts.CommuneCode;
            c.CommuneName = facts.CommuneName;
            c.PostalCode = facts.PostalCode;
            c.Departement = facts.CommuneCode is { Length: 5 } code ? (code.StartsWith("97", StringComparison.Ordinal) ? code[..3] : code[..2]) : null;
            c.Region = null;
            c.Epci = null;
            c.Address = null;
            c.NafCode = facts.NafCode;
            c.HeadcountBracket = facts.HeadcountBracket ?? "NN";
            c.CreationDate = facts.CreationDate;
            c.LegalFormCode = facts.LegalFormCode;
            c.CompanyState = facts.CompanyCeased ? "C" : "A";
            c.EstablishmentState = facts.EstablishmentClosed || (!facts.Active && !facts.CompanyCeased) ? "F" : "A";
            c.ForeignCountryCode = facts.Foreign ? "99109" : null;
        });
    }

    /// <summary>Forgets an establishment: its SIRET then answers <c>"results": []</c>.</summary>
    public bool RemoveCompany(string siret) =>
        Siret.TryNormalize(siret, out var normalized, out _) && companies.TryRemove(normalized, out _);

    /// <summary>The next <paramref name="times"/> requests get HTTP 429, with <c>Retry-After: seconds</c> (none when null).</summary>
    public void RespondTooManyRequests(int times, TimeSpan? retryAfter)
    {
        for (var i = 0; i < times; i++)
        {
            tooManyRequests.Enqueue(retryAfter);
        }
    }

    /// <summary>How many requests asked for <paramref name="siret"/> (spaces ignored).</summary>
    public int RequestCountFor(string siret)
    {
        var wanted = Strip(siret);
        return Requests.Count(r => Strip(r.Query) == wanted);
    }

    /// <summary>Forgets the requests received so far (not the companies).</summary>
    public void ResetRequests()
    {
        lock (requestsLock)
        {
            requests.Clear();
        }
    }

    /// <summary>Back to normal: mode, delay and pending 429s reset; companies and requests kept.</summary>
    public void Recover()
    {
        Mode = FakeServerMode.Normal;
        ResponseDelay = TimeSpan.Zero;
        tooManyRequests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }

        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Record(context);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        var ct = aborted.Token;
        try
        {
            if (tooManyRequests.TryDequeue(out var retryAfter))
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (retryAfter is { } delay)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(new { erreur = "Trop de requêtes, veuillez réessayer plus tard." }, ct);
                return;
            }

            var currentMode = Mode;
            if (currentMode == FakeServerMode.Hang)
            {
                await Task.Delay(Timeout.Infinite, ct);
                return;
            }

            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay, ct);
            }

            switch (currentMode)
            {
                case FakeServerMode.Unavailable:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.Response.WriteAsync("<html><body>Service temporairement indisponible</body></html>", ct);
                    return;
                case FakeServerMode.InternalError:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsJsonAsync(new { erreur = "Erreur interne." }, ct);
                    return;
                case FakeServerMode.MalformedJson:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"results\": [ {\"siren\": ", ct);
                    return;
                default:
                    break;
            }

            var q = Strip(context.Request.Query["q"].ToString());
            if (string.IsNullOrEmpty(q))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { erreur = "Veuillez indiquer au moins un paramètre de recherche." }, ct);
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Search(q).ToJsonString(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client gave up (its timeout) or the server is stopping.
        }
    }

    private void Record(HttpContext context)
    {
        var request = new FakeRequest(
            clock.Elapsed,
            DateTimeOffset.UtcNow,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Query.TryGetValue("q", out var q) ? q.ToString() : null,
            context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);
        lock (requestsLock)
        {
            requests.Add(request);
        }
    }

    /// <summary>A 14-digit q is a SIRET lookup (exactly that establishment), a 9-digit one a SIREN lookup.</summary>
    private JsonObject Search(string q)
    {
        List<FakeCompany> matching = q.Length switch
        {
            14 => companies.TryGetValue(q, out var one) ? [one] : [],
            9 => [.. companies.Values.Where(c => c.Siren == q).OrderBy(c => c.Siret, StringComparer.Ordinal)],
            _ => [],
        };

        var results = new JsonArray();
        foreach (var group in matching.GroupBy(c => c.Siren))
        {
            results.Add(Result([.. group]));
        }

        return new JsonObject
        {
            ["results"] = results,
            ["total_results"] = results.Count,
            ["page"] = 1,
            ["per_page"] = 10,
            ["total_pages"] = results.Count == 0 ? 0 : 1,
        };
    }

    private static JsonObject Result(IReadOnlyList<FakeCompany> establishments)
    {
        var first = establishments[0];
        var siege = establishments.FirstOrDefault(e => e.IsHeadOffice);
        var siegeJson = siege is not null
            ? Establishment(siege, includeForeign: true)
            : new JsonObject
            {
                ["siret"] = first.HeadOfficeSiret ?? MakeHeadOfficeSiret(first.Siren),
                ["est_siege"] = true,
                ["activite_principale"] = first.NafCode,
                ["adresse"] = $"1 AVENUE DES CHAMPS {first.HeadOfficePostalCode} {first.HeadOfficeCommuneName}",
                ["code_postal"] = first.HeadOfficePostalCode,
                ["commune"] = first.HeadOfficeCommuneCode,
                ["libelle_commune"] = first.HeadOfficeCommuneName,
                ["departement"] = first.HeadOfficeCommuneCode[..2],
                ["region"] = "11",
                ["epci"] = "200054781",
                ["date_creation"] = Date(first.CreationDate),
                ["etat_administratif"] = first.CompanyState == "C" ? "F" : "A",
                ["tranche_effectif_salarie"] = first.HeadcountBracket,
                ["code_pays_etranger"] = first.ForeignCountryCode,
            };

        var matching = new JsonArray();
        foreach (var establishment in establishments)
        {
            matching.Add(Establishment(establishment, includeForeign: false));
        }

        return new JsonObject
        {
            ["siren"] = first.Siren,
            ["nom_complet"] = first.Name,
            ["nom_raison_sociale"] = first.Name,
            ["sigle"] = null,
            ["nombre_etablissements"] = establishments.Count + (siege is null ? 1 : 0),
            ["nombre_etablissements_ouverts"] = establishments.Count(e => e.EstablishmentState == "A") + (siege is null ? 1 : 0),
            ["activite_principale"] = first.NafCode,
            ["section_activite_principale"] = "C",
            ["categorie_entreprise"] = "PME",
            ["caractere_employeur"] = "O",
            ["date_creation"] = Date(first.CreationDate),
            ["date_fermeture"] = first.CompanyState == "C" ? "2024-12-31" : null,
            ["etat_administratif"] = first.CompanyState,
            ["nature_juridique"] = first.LegalFormCode,
            ["tranche_effectif_salarie"] = first.HeadcountBracket,
            ["annee_tranche_effectif_salarie"] = first.HeadcountBracket is null or "NN" ? null : "2023",
            ["statut_diffusion"] = "O",
            ["siege"] = siegeJson,
            ["matching_etablissements"] = matching,
            ["complements"] = new JsonObject
            {
                ["est_entrepreneur_individuel"] = false,
                ["est_ess"] = false,
                ["liste_idcc"] = new JsonArray("1596"),
            },
        };
    }

    private static JsonObject Establishment(FakeCompany e, bool includeForeign)
    {
        var json = new JsonObject
        {
            ["siret"] = e.Siret,
            ["est_siege"] = e.IsHeadOffice,
            ["activite_principale"] = e.NafCode,
            ["adresse"] = e.Address,
            ["code_postal"] = e.PostalCode,
            ["commune"] = e.CommuneCode,
            ["libelle_commune"] = e.CommuneName,
            ["departement"] = e.Departement,
            ["region"] = e.Region,
            ["epci"] = e.Epci,
            ["date_creation"] = Date(e.CreationDate),
            ["etat_administratif"] = e.EstablishmentState,
            ["tranche_effectif_salarie"] = e.HeadcountBracket,
        };
        if (includeForeign)
        {
            json["code_pays_etranger"] = e.ForeignCountryCode;
        }

        return json;
    }

    private static string MakeHeadOfficeSiret(string siren) => WithLuhnDigit(siren + "0001");

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Strip(string? value) =>
        value is null ? string.Empty : string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    private static string WithLuhnDigit(string digits)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = digits + check.ToString(CultureInfo.InvariantCulture);
            if (PassesLuhn(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Unreachable: one check digit always completes a Luhn number.");
    }

    private static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
