using Azure.Data.Tables;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Snapshots;

namespace ConseillersEntreprises.Integration.Tests.Storage;

/// <summary>
/// The need snapshots on a real Azurite, written by two instances of the app (two stores, each with its memory): a
/// write never goes back in time, a stale memory costs a retry and loses nothing, pages always see storage.
/// </summary>
public sealed class NeedSnapshotStoreTests
{
    private readonly string _prefix = AppHost.NewTablePrefix();
    private readonly string _needId = "b" + Guid.NewGuid().ToString("N")[..12];

    private async Task<NeedSnapshotStore> InstanceAsync()
    {
        var store = new NeedSnapshotStore(new TableServiceClient(TestEnvironment.StorageConnectionString), _prefix);
        await store.EnsureCreatedAsync(CancellationToken.None);
        return store;
    }

    private NeedState Submitted()
    {
        var submitted = new NeedSubmitted(_needId, "tresorerie", "Difficultés de trésorerie", "Un client paie avec trois mois de retard.",
            new NeedCompany { Siret = "73282932000074", Name = "MENUISERIE DUPONT", CommuneCode = "47203", CommuneName = "Penne-d'Agenais" },
            new NeedContact { FirstName = "Camille", LastName = "Dupont", Email = "camille@entreprise.test", Phone = "06 12 34 56 78" },
            [new RoutedAdvisor("a", "Conseiller A", "a@partenaire.test", "inst-a", "Institution A", "ant-a", "Antenne A")]);
        return Assert.IsType<Accepted>(NeedDecider.Decide(null, submitted, DateTimeOffset.UtcNow, WorkflowSchedule.Default)).State;
    }

    private static NeedState Next(NeedState state, MatchStatus status) =>
        Assert.IsType<Accepted>(NeedDecider.Decide(state, new PositionChanged("a", status, null), DateTimeOffset.UtcNow, WorkflowSchedule.Default)).State;

    [Fact]
    public async Task A_write_older_than_the_stored_snapshot_changes_nothing()
    {
        var store = await InstanceAsync();
        var first = Submitted();
        var taken = Next(first, MatchStatus.TakingCare);

        Assert.True(await store.CreateAsync(first, CancellationToken.None));
        Assert.False(await store.CreateAsync(first, CancellationToken.None));
        Assert.True(await store.SaveAsync(taken, 3, new CommandOutcome("c3", taken.Version), CancellationToken.None));
        Assert.False(await store.SaveAsync(first, 2, new CommandOutcome("c2", first.Version), CancellationToken.None));

        var stored = await (await InstanceAsync()).GetAsync(_needId, CancellationToken.None);
        Assert.Equal(3, stored!.Sequence);
        Assert.Equal(MatchStatus.TakingCare, stored.State.MatchOf("a")!.Status);
        Assert.NotNull(stored.OutcomeOf("c3"));
        Assert.Null(stored.OutcomeOf("c2"));
    }

    [Fact]
    public async Task An_instance_whose_memory_is_stale_writes_after_the_other_without_losing_its_answers()
    {
        var (one, other) = (await InstanceAsync(), await InstanceAsync());
        var first = Submitted();
        var taken = Next(first, MatchStatus.TakingCare);
        var done = Next(taken, MatchStatus.Done);
        Assert.True(await one.SaveAsync(first, 1, new CommandOutcome("c1", first.Version), CancellationToken.None));
        Assert.True(await other.SaveAsync(taken, 2, new CommandOutcome("c2", taken.Version), CancellationToken.None));

        // "one" remembers sequence 1 and its ETag: its write is refused by storage, then made on what "other" wrote.
        Assert.True(await one.SaveAsync(done, 3, new CommandOutcome("c3", done.Version), CancellationToken.None));

        var stored = await other.GetAsync(_needId, CancellationToken.None);
        Assert.Equal(3, stored!.Sequence);
        Assert.Equal(["c1", "c2", "c3"], stored.Outcomes.Select(o => o.CommandId));
    }

    [Fact]
    public async Task Pages_read_storage_while_a_reader_content_with_a_version_may_be_answered_from_memory()
    {
        var (one, other) = (await InstanceAsync(), await InstanceAsync());
        var first = Submitted();
        var taken = Next(first, MatchStatus.TakingCare);
        Assert.True(await one.SaveAsync(first, 1, null, CancellationToken.None));
        Assert.True(await other.SaveAsync(taken, 2, null, CancellationToken.None));

        Assert.Equal(first.Version, (await one.GetAtLeastAsync(_needId, first.Version, CancellationToken.None))!.State.Version);
        Assert.Equal(taken.Version, (await one.GetAsync(_needId, CancellationToken.None))!.State.Version);
        Assert.Equal(taken.Version, (await one.GetAtLeastAsync(_needId, taken.Version, CancellationToken.None))!.State.Version);
        Assert.Null(await one.GetAtLeastAsync(_needId, taken.Version + 1, CancellationToken.None));
    }
}
