using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Storage.Snapshots;

/// <summary>
/// The need snapshots (table <c>needsnapshots</c>), written by the workflow's activities after each decision. A write
/// never goes back in time: it only replaces a row whose <see cref="NeedSnapshot.Sequence"/> is lower (ETag-guarded),
/// so at-least-once activities and their late duplicates are harmless.
/// </summary>
public sealed class NeedSnapshotStore
{
    public const string TableName = "needsnapshots";

    /// <summary>Answers kept per need: enough for every caller still waiting, small enough for one row.</summary>
    public const int OutcomesKept = 32;

    private readonly TableClient _table;

    public NeedSnapshotStore(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task<NeedSnapshot?> GetAsync(string needId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<NeedSnapshotRow>(needId, NeedSnapshotRow.Key, cancellationToken: ct);
        return row.HasValue ? Read(row.Value!) : null;
    }

    /// <summary>
    /// Stores a need's first snapshot (<paramref name="state"/> as submitted, sequence 0) unless the need has one already
    /// (then false): one request, for the intake, whose company may open its follow-up before the workflow records.
    /// </summary>
    public async Task<bool> CreateAsync(NeedState state, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(state);
        try
        {
            await _table.AddEntityAsync(Row(state, 0, []), ct);
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
        var stored = await _table.GetEntityIfExistsAsync<NeedSnapshotRow>(state.NeedId, NeedSnapshotRow.Key, cancellationToken: ct);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = stored.HasValue ? stored.Value : null;
            if (current is not null && current.Sequence >= sequence)
            {
                return false;
            }

            var outcomes = current is null ? [] : ReadOutcomes(current.Outcomes);
            var row = Row(state, sequence, outcome is null ? outcomes : [.. outcomes.TakeLast(OutcomesKept - 1), outcome]);
            try
            {
                if (current is null)
                {
                    await _table.AddEntityAsync(row, ct);
                }
                else
                {
                    await _table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer (a duplicate of this activity, or of an older one) won: judge against what it wrote.
                stored = await _table.GetEntityIfExistsAsync<NeedSnapshotRow>(state.NeedId, NeedSnapshotRow.Key, cancellationToken: ct);
            }
        }

        throw new InvalidOperationException($"Need {state.NeedId}: the snapshot kept changing under five writes in a row.");
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
