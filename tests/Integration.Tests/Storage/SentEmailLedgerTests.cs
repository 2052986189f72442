using Azure.Data.Tables;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Emails;

namespace ConseillersEntreprises.Integration.Tests.Storage;

/// <summary>The send claims that make an email go out once, against a real Azurite.</summary>
public sealed class SentEmailLedgerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly SentEmailLedger _ledger = new(new TableServiceClient(TestEnvironment.StorageConnectionString), AppHost.NewTablePrefix());
    private readonly DateTimeOffset _now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Of_many_concurrent_senders_exactly_one_claims_and_once_sent_nobody_does()
    {
        await _ledger.EnsureCreatedAsync(CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _ledger.ClaimSendAsync("need:email:a1", _now, Lease, CancellationToken.None)));
        await _ledger.MarkSentAsync("need:email:a1", _now, CancellationToken.None);

        Assert.Equal(1, claims.Count(c => c == SendClaim.Claimed));
        Assert.Equal(9, claims.Count(c => c == SendClaim.HeldByAnother));
        Assert.Equal(SendClaim.AlreadySent, await _ledger.ClaimSendAsync("need:email:a1", _now.AddHours(1), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_released_after_a_failed_send_or_left_by_a_dead_sender_can_be_taken_again()
    {
        await _ledger.EnsureCreatedAsync(CancellationToken.None);

        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync("k/1?#", _now, Lease, CancellationToken.None));
        await _ledger.ReleaseSendAsync("k/1?#", CancellationToken.None);
        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync("k/1?#", _now, Lease, CancellationToken.None));

        Assert.Equal(SendClaim.HeldByAnother, await _ledger.ClaimSendAsync("k/1?#", _now.AddMinutes(1), Lease, CancellationToken.None));
        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync("k/1?#", _now.AddMinutes(3), Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_forgets_only_emails_sent_before_the_cutoff_and_never_a_claim()
    {
        await _ledger.EnsureCreatedAsync(CancellationToken.None);
        await _ledger.MarkSentAsync("old", _now.AddDays(-40), CancellationToken.None);
        await _ledger.MarkSentAsync("recent", _now.AddDays(-2), CancellationToken.None);
        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync("being-sent", _now.AddDays(-40), Lease, CancellationToken.None));

        Assert.Equal(1, await _ledger.PruneAsync(_now.AddDays(-30), CancellationToken.None));

        Assert.Equal(SendClaim.Claimed, await _ledger.ClaimSendAsync("old", _now, Lease, CancellationToken.None)); // forgotten
        Assert.Equal(SendClaim.AlreadySent, await _ledger.ClaimSendAsync("recent", _now, Lease, CancellationToken.None));
        Assert.Equal(0, await _ledger.PruneAsync(_now.AddDays(-30), CancellationToken.None));
    }
}
