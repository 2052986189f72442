using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Storage.Snapshots;

/// <summary>
/// The need snapshots (table <c>needsnapshots</c>), written by the workflow's activities after each decision. A write
/// never goes back in time: it only replaces a row whose <see cref="NeedSnapshot.Sequence"/> is lower (ETag-guarded),
/// so at-least-once activities and their late duplicates are harmless.
/// <para>
/// Each instance remembers the rows it last wrote or read (<see cref="CacheSize"/> needs at most). A write starts from
/// the remembered row and its ETag instead of reading it again (a stale one costs a 412 and a read, nothing more), and
/// a reader content with a version it names (<see cref="GetAtLeastAsync"/>: an email of decision N needs the need at
/// version N or later) is answered from memory. Pages always read storage: another instance may have written since.
/// </para>
/// </summary>
public sealed class NeedSnapshotStore
{
    public const string TableName = "needsnapshots";

    /// <summary>Answers kept per need: enough for every caller still waiting, small enough for one row.</summary>
    public const int OutcomesKept = 32;

    /// <summary>Needs remembered per instance (a few KB each); past it the memory starts again empty.</summary>
    public const int CacheSize = 10_000;

    private readonly TableClient _table;
    private readonly ConcurrentDictionary<string, NeedSnapshotRow> _recent = new(StringComparer.Ordinal);

    public NeedSnapshotStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>The need's latest snapshot, read from storage; null when there is no such need.</summary>
    public async Task<NeedSnapshot?> GetAsync(string needId, CancellationToken ct) =>
        await ReadRowAsync(needId, ct) is { } row ? Read(row) : null;

    /// <summary>
    /// A snapshot of the need at <paramref name="version"/> or later: from memory when this instance knows one, else from
    /// storage; null when storage has none that recent (yet).
    /// </summary>
    public async Task<NeedSnapshot?> GetAtLeastAsync(string needId, long version, CancellationToken ct)
    {
        var row = _recent.TryGetValue(needId, out var known) && known.Version >= version ? known : await ReadRowAsync(needId, ct);
        return row is not null && row.Version >= version ? Read(row) : null;
    }

    /// <summary>
    /// Stores a need's first snapshot (<paramref name="state"/> as submitted, sequence 0) unless the need has one already
    /// (then false): one request, for the intake, whose company may open its follow-up before the workflow records.
    /// </summary>
    public async Task<bool> CreateAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = Row(state, 0, []);
        try
        {
            var response = await _table.AddEntityAsync(row, ct);
            Remember(row, response.Headers.ETag);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Stores the snapshot unless the stored one is as recent or more (then false). The outcomes written are the stored
    /// ones followed by <paramref name="outcome"/>, the latest <see cref="OutcomesKept"/> kept.
    /// </summary>
    public async Task<bool> SaveAsync(NeedState state, long sequence, CommandOutcome? outcome, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        var current = _recent.TryGetValue(state.NeedId, out var known) ? known : await ReadRowAsync(state.NeedId, ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (current is not null && current.Sequence >= sequence)
            {
                return false;
            }

            var outcomes = current is null ? [] : ReadOutcomes(current.Outcomes);
            var row = Row(state, sequence, outcome is null ? outcomes : [.. outcomes.TakeLast(OutcomesKept - 1), outcome]);
            try
            {
                var response = current is null
                    ? await _table.AddEntityAsync(row, ct)
                    : await _table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct);
                Remember(row, response.Headers.ETag);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer (a duplicate of this activity, or another instance) won, or what this instance remembered
                // was stale: judge against what storage holds.
                current = await ReadRowAsync(state.NeedId, ct);
            }
        }

        throw new InvalidOperationException($"Need {state.NeedId}: the snapshot kept changing under five writes in a row.");
    }

    private async Task<NeedSnapshotRow?> ReadRowAsync(string needId, CancellationToken ct)
    {
        var stored = await _table.GetEntityIfExistsAsync<NeedSnapshotRow>(needId, NeedSnapshotRow.Key, cancellationToken: ct);
        if (!stored.HasValue)
        {
            return null;
        }

        Remember(stored.Value!, stored.Value!.ETag);
        return stored.Value;
    }

    private void Remember(NeedSnapshotRow row, ETag? etag)
    {
        if (etag is not { } known)
        {
            _recent.TryRemove(row.PartitionKey, out _);
            return;
        }

        if (_recent.Count >= CacheSize)
        {
            _recent.Clear();
        }

        row.ETag = known;
        // Never replace what is remembered with an older row (a slow reader racing a writer).
        _recent.AddOrUpdate(row.PartitionKey, row, (_, old) => old.Sequence > row.Sequence ? old : row);
    }

    private static NeedSnapshotRow Row(NeedState state, long sequence, IEnumerable<CommandOutcome> outcomes) => new()
    {
        PartitionKey = state.NeedId,
        State = GzipText.Compress(NeedJson.Serialize(state)),
        Version = state.Version,
        Sequence = sequence,
        Outcomes = JsonSerializer.Serialize(outcomes, NeedJson.Options),
    };

    private static NeedSnapshot Read(NeedSnapshotRow row) =>
        new(NeedJson.DeserializeState(GzipText.Decompress(row.State)), row.Sequence, ReadOutcomes(row.Outcomes));

    private static List<CommandOutcome> ReadOutcomes(string json) =>
        JsonSerializer.Deserialize<List<CommandOutcome>>(json, NeedJson.Options) ?? [];
}
