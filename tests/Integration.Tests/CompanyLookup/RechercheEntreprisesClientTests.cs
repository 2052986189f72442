using System.Diagnostics;
using ConseillersEntreprises.App.CompanyLookup;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Integration.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Integration.Tests.CompanyLookup;

/// <summary>The real client, as registered by AddCompanyLookup, against a real local fake of API Recherche d'entreprises.</summary>
public sealed class RechercheEntreprisesClientTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> providers = [];
    private FakeRechercheEntreprisesServer server = null!;

    public async Task InitializeAsync() => server = await FakeRechercheEntreprisesServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_found_establishment_is_mapped_from_the_matching_establishment()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(1, 2);
        server.AddCompany(siret, c =>
        {
            c.Name = "BOULANGERIE DU RHONE";
            c.CommuneCode = "69383";
            c.CommuneName = "LYON 3EME";
            c.PostalCode = "69003";
            c.NafCode = "10.71C";
            c.HeadcountBracket = "03";
            c.CreationDate = new DateOnly(2015, 6, 30);
            c.LegalFormCode = "5710";
            c.IsHeadOffice = false; // the siège is in Paris 8e: its territory must not be used
        });

        var result = await Lookup().LookupAsync(siret, CancellationToken.None);

        Assert.Equal(CompanyLookupKind.Found, result.Kind);
        Assert.Equal(
            new CompanyFacts(siret, siret[..9], "BOULANGERIE DU RHONE", "69123", "Lyon", "69003", "10.71C", "03",
                new DateOnly(2015, 6, 30), "5710", Active: true),
            result.Facts);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/search", request.Path);
        Assert.Equal(siret, request.Query);
        Assert.StartsWith("ConseillersEntreprises/", request.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_headcount_closed_establishment_and_foreign_siege_are_mapped()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(2);
        server.AddCompany(siret, c =>
        {
            c.HeadcountBracket = "NN";
            c.EstablishmentState = "F";
            c.ForeignCountryCode = "99109";
        });

        var facts = (await Lookup().LookupAsync(siret, CancellationToken.None)).Facts;

        Assert.NotNull(facts);
        Assert.Null(facts.HeadcountBracket);
        Assert.Equal("16.23Z", facts.NafCode);
        Assert.True(facts.EstablishmentClosed);
        Assert.False(facts.CompanyCeased);
        Assert.False(facts.Active);
        Assert.True(facts.Foreign);
    }

    [Fact]
    public async Task Facts_registered_on_the_fake_come_back_unchanged()
    {
        var facts = new CompanyFacts(FakeRechercheEntreprisesServer.MakeSiret(3), FakeRechercheEntreprisesServer.MakeSiret(3)[..9],
            "SCOP DES TESTS", "75056", "Paris", "75015", "62.01Z", null, new DateOnly(2020, 1, 15), "5458", Active: false)
        {
            CompanyCeased = true,
            EstablishmentClosed = true,
            Foreign = false,
        };
        server.AddCompany(facts);

        Assert.Equal(facts, (await Lookup().LookupAsync(facts.Siret, CancellationToken.None)).Facts);
    }

    [Fact]
    public async Task No_results_is_not_found()
    {
        var result = await Lookup().LookupAsync(FakeRechercheEntreprisesServer.MakeSiret(4), CancellationToken.None);

        Assert.Equal(CompanyLookupKind.NotFound, result.Kind);
        Assert.Null(result.Facts);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_invalid_siret_is_not_found_without_calling()
    {
        var result = await Lookup().LookupAsync("73282932000075", CancellationToken.None);

        Assert.Equal(CompanyLookupKind.NotFound, result.Kind);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Answers_are_cached_found_and_not_found()
    {
        var known = FakeRechercheEntreprisesServer.MakeSiret(5);
        var unknown = FakeRechercheEntreprisesServer.MakeSiret(6);
        server.AddCompany(known);
        var lookup = Lookup();

        var first = await lookup.LookupAsync(known, CancellationToken.None);
        var second = await lookup.LookupAsync(known, CancellationToken.None);
        var spaced = await lookup.LookupAsync($"{known[..3]} {known[3..6]} {known[6..9]} {known[9..]}", CancellationToken.None);
        var missing1 = await lookup.LookupAsync(unknown, CancellationToken.None);
        var missing2 = await lookup.LookupAsync(unknown, CancellationToken.None);

        Assert.True(first.IsFound, first.Reason);
        Assert.Equal(first, second);
        Assert.Equal(first, spaced);
        Assert.Equal(CompanyLookupKind.NotFound, missing1.Kind);
        Assert.Equal(CompanyLookupKind.NotFound, missing2.Kind);
        Assert.Equal(1, server.RequestCountFor(known));
        Assert.Equal(1, server.RequestCountFor(unknown));
    }

    [Fact]
    public async Task Found_is_cached_an_hour_and_not_found_ten_minutes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var known = FakeRechercheEntreprisesServer.MakeSiret(7);
        var unknown = FakeRechercheEntreprisesServer.MakeSiret(8);
        server.AddCompany(known);
        var lookup = Lookup(time: time);

        await lookup.LookupAsync(known, CancellationToken.None);
        await lookup.LookupAsync(unknown, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        await lookup.LookupAsync(known, CancellationToken.None);
        await lookup.LookupAsync(unknown, CancellationToken.None);
        Assert.Equal(1, server.RequestCountFor(known));
        Assert.Equal(1, server.RequestCountFor(unknown));

        time.Advance(TimeSpan.FromMinutes(2)); // 11 min: the not-found answer has expired, not the found one
        await lookup.LookupAsync(known, CancellationToken.None);
        await lookup.LookupAsync(unknown, CancellationToken.None);
        Assert.Equal(1, server.RequestCountFor(known));
        Assert.Equal(2, server.RequestCountFor(unknown));

        time.Advance(TimeSpan.FromMinutes(50)); // 61 min
        await lookup.LookupAsync(known, CancellationToken.None);
        Assert.Equal(2, server.RequestCountFor(known));
    }

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_waited_for_and_retried_once()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(9);
        server.AddCompany(siret);
        server.RespondTooManyRequests(1, TimeSpan.FromSeconds(1));

        var result = await Lookup().LookupAsync(siret, CancellationToken.None);

        Assert.True(result.IsFound);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms, before Retry-After");
    }

    [Fact]
    public async Task A_second_429_after_the_retry_gives_unavailable()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(10);
        server.AddCompany(siret);
        server.RespondTooManyRequests(2, TimeSpan.FromSeconds(1));

        var result = await Lookup().LookupAsync(siret, CancellationToken.None);

        Assert.True(result.IsUnavailable);
        Assert.Contains("429", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_429_with_a_long_retry_after_gives_unavailable_and_stops_calling_until_then()
    {
        var first = FakeRechercheEntreprisesServer.MakeSiret(11);
        var second = FakeRechercheEntreprisesServer.MakeSiret(12);
        server.AddCompany(first);
        server.AddCompany(second);
        server.RespondTooManyRequests(1, TimeSpan.FromSeconds(120));
        var lookup = Lookup();
        var stopwatch = Stopwatch.StartNew();

        var blocked = await lookup.LookupAsync(first, CancellationToken.None);
        var stillBlocked = await lookup.LookupAsync(second, CancellationToken.None);

        Assert.True(blocked.IsUnavailable);
        Assert.Contains("429", blocked.Reason, StringComparison.Ordinal);
        Assert.True(stillBlocked.IsUnavailable);
        Assert.Equal(1, server.RequestCount);
        // Waiting would take the whole 120 s; a busy machine may take a few seconds to answer, which proves nothing.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), "a long Retry-After must not be waited for");
    }

    [Fact]
    public async Task The_end_of_a_long_retry_after_lets_calls_through_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var siret = FakeRechercheEntreprisesServer.MakeSiret(13);
        server.AddCompany(siret);
        server.RespondTooManyRequests(1, TimeSpan.FromSeconds(60));
        var lookup = Lookup(time: time);

        Assert.True((await lookup.LookupAsync(siret, CancellationToken.None)).IsUnavailable);
        time.Advance(TimeSpan.FromSeconds(50)); // 10 s left: more than MaxRetryAfterWait, not waited for
        Assert.True((await lookup.LookupAsync(siret, CancellationToken.None)).IsUnavailable);
        time.Advance(TimeSpan.FromSeconds(11));
        Assert.True((await lookup.LookupAsync(siret, CancellationToken.None)).IsFound);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_gives_unavailable_which_is_not_cached()
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(14);
        server.AddCompany(siret);
        server.ResponseDelay = TimeSpan.FromSeconds(5);
        var lookup = Lookup(new Dictionary<string, string?> { ["CompanyLookup:Timeout"] = "00:00:00.300" });
        var stopwatch = Stopwatch.StartNew();

        var result = await lookup.LookupAsync(siret, CancellationToken.None);

        Assert.True(result.IsUnavailable);
        Assert.Contains("à temps", result.Reason, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");

        server.Recover();
        Assert.True((await lookup.LookupAsync(siret, CancellationToken.None)).IsFound);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_hanging_server_gives_unavailable()
    {
        server.Mode = FakeServerMode.Hang;

        var result = await Lookup(new Dictionary<string, string?> { ["CompanyLookup:Timeout"] = "00:00:00.300" }).LookupAsync(FakeRechercheEntreprisesServer.MakeSiret(15), CancellationToken.None);

        Assert.True(result.IsUnavailable);
    }

    [Theory]
    [InlineData(FakeServerMode.InternalError, "500")]
    [InlineData(FakeServerMode.Unavailable, "503")]
    [InlineData(FakeServerMode.MalformedJson, "JSON")]
    public async Task Server_errors_give_unavailable_which_is_not_cached(FakeServerMode mode, string reason)
    {
        var siret = FakeRechercheEntreprisesServer.MakeSiret(16);
        server.AddCompany(siret);
        server.Mode = mode;
        var lookup = Lookup();

        var result = await lookup.LookupAsync(siret, CancellationToken.None);

        Assert.True(result.IsUnavailable);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);

        server.Recover();
        Assert.True((await lookup.LookupAsync(siret, CancellationToken.None)).IsFound);
    }

    [Fact]
    public async Task An_unreachable_server_gives_unavailable()
    {
        // Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
        var lookup = Lookup(new Dictionary<string, string?> { ["CompanyLookup:BaseUrl"] = "http://127.0.0.1:9" });

        var result = await lookup.LookupAsync(FakeRechercheEntreprisesServer.MakeSiret(17), CancellationToken.None);

        Assert.True(result.IsUnavailable);
        Assert.Contains("injoignable", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_swallowed()
    {
        server.Mode = FakeServerMode.Hang;
        var lookup = Lookup(new Dictionary<string, string?> { ["CompanyLookup:Timeout"] = "00:00:05" });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => lookup.LookupAsync(FakeRechercheEntreprisesServer.MakeSiret(18), cts.Token));
    }

    [Fact]
    public async Task A_burst_never_exceeds_7_requests_in_any_second_at_the_server()
    {
        var sirets = Enumerable.Range(100, 20).Select(n => FakeRechercheEntreprisesServer.MakeSiret(n)).ToList();
        foreach (var siret in sirets)
        {
            server.AddCompany(siret);
        }

        // A queue long enough for the whole burst, so that every lookup goes through and the pace can be measured.
        var lookup = Lookup(new Dictionary<string, string?>
        {
            ["CompanyLookup:QueueLimit"] = "20",
            ["CompanyLookup:MaxQueueWait"] = "00:00:10",
        });

        var results = await Task.WhenAll(sirets.Select(s => lookup.LookupAsync(s, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsFound, r.Reason));
        var arrivals = server.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(20, arrivals.Count);
        var busiest = arrivals.Select((start, i) => arrivals.Skip(i).Count(t => t - start < TimeSpan.FromSeconds(1))).Max();
        Assert.True(busiest <= 7, $"{busiest} requests within one second");
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromSeconds(2.5), $"20 requests in {arrivals[^1] - arrivals[0]}");
    }

    [Fact]
    public async Task Beyond_a_short_queue_lookups_answer_unavailable_at_once()
    {
        var sirets = Enumerable.Range(200, 20).Select(n => FakeRechercheEntreprisesServer.MakeSiret(n)).ToList();
        foreach (var siret in sirets)
        {
            server.AddCompany(siret);
        }

        var lookup = Lookup(new Dictionary<string, string?> { ["CompanyLookup:QueueLimit"] = "2" });
        var stopwatch = Stopwatch.StartNew();

        var results = await Task.WhenAll(sirets.Select(s => lookup.LookupAsync(s, CancellationToken.None)));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
        var found = results.Count(r => r.IsFound);
        var unavailable = results.Where(r => r.IsUnavailable).ToList();
        // 6 permits and 2 places in the queue; the rest is refused at once.
        Assert.Equal(8, found);
        Assert.Equal(20 - found, unavailable.Count);
        Assert.All(unavailable, r => Assert.Contains("en attente", r.Reason, StringComparison.Ordinal));
        Assert.Equal(found, server.RequestCount);
    }

    private ICompanyLookup Lookup(Dictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["CompanyLookup:BaseUrl"] = server.BaseUrl.ToString(),
            ["CompanyLookup:Timeout"] = "00:00:02",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddCompanyLookup(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        providers.Add(provider);
        return provider.GetRequiredService<ICompanyLookup>();
    }
}
