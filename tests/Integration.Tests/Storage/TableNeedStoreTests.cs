using Azure.Data.Tables;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Needs;

namespace ConseillersEntreprises.Integration.Tests.Storage;

/// <summary>The need store against a real Azurite: one transaction per command, ETag concurrency, packed outbox.</summary>
public sealed class TableNeedStoreTests
{
    private readonly TableNeedStore _store = new(new TableServiceClient(TestEnvironment.StorageConnectionString), TimeProvider.System, AppHost.NewTablePrefix());

    private static NeedCommit Commit(string needId, long version, int effects, string state = "{}") => new(
        needId,
        state,
        version,
        [("test_event", $"{{\"v\":{version}}}")],
        [.. Enumerable.Range(0, effects).Select(i => ($"{needId}:effect:{version}:{i}", $"{{\"n\":{i},\"pad\":\"{new string('x', 300)}\"}}"))]);

    [Fact]
    public async Task A_need_sent_to_hundreds_of_advisors_still_commits_in_one_transaction_with_every_effect_pending_in_order()
    {
        await _store.EnsureCreatedAsync(CancellationToken.None);

        Assert.True(await _store.CreateAsync(Commit("n1", 1, effects: 400), CancellationToken.None));

        var pending = await _store.PendingOutboxAsync("n1", CancellationToken.None);
        Assert.Equal(400, pending.Count);
        Assert.Equal(Enumerable.Range(0, 400).Select(i => $"n1:effect:1:{i}"), pending.Select(p => p.EffectId));
        Assert.True(pending.Select(p => p.RowKey).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_second_creation_of_the_same_need_is_refused_and_changes_nothing()
    {
        await _store.EnsureCreatedAsync(CancellationToken.None);

        Assert.True(await _store.CreateAsync(Commit("n2", 1, 2, "{\"first\":true}"), CancellationToken.None));
        Assert.False(await _store.CreateAsync(Commit("n2", 1, 2, "{\"second\":true}"), CancellationToken.None));

        Assert.Equal("{\"first\":true}", (await _store.LoadAsync("n2", CancellationToken.None))!.StateJson);
    }

    [Fact]
    public async Task A_stale_etag_loses_and_writes_nothing_and_the_log_keeps_every_accepted_event()
    {
        await _store.EnsureCreatedAsync(CancellationToken.None);
        await _store.CreateAsync(Commit("n3", 1, 0), CancellationToken.None);
        var loaded = (await _store.LoadAsync("n3", CancellationToken.None))!;

        Assert.True(await _store.TryUpdateAsync(Commit("n3", 2, 1, "{\"v\":2}"), loaded.ETag, CancellationToken.None));
        Assert.False(await _store.TryUpdateAsync(Commit("n3", 2, 1, "{\"v\":\"lost\"}"), loaded.ETag, CancellationToken.None));

        Assert.Equal("{\"v\":2}", (await _store.LoadAsync("n3", CancellationToken.None))!.StateJson);
        Assert.Equal([1L, 2L], (await _store.EventsAsync("n3", CancellationToken.None)).Select(e => e.Version));
        var pending = Assert.Single(await _store.PendingOutboxAsync("n3", CancellationToken.None));
        await _store.CompleteOutboxAsync("n3", pending.RowKey, CancellationToken.None);
        await _store.CompleteOutboxAsync("n3", pending.RowKey, CancellationToken.None); // twice: harmless
        Assert.Empty(await _store.PendingOutboxAsync("n3", CancellationToken.None));
    }
}
