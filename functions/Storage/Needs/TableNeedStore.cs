using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Needs;

/// <summary>
/// One partition per need: the <c>state</c> row (gzip'd JSON, version), the append-only event log
/// (<c>evt-{version}</c>, the audit trail) and the outbox (<c>out-{version}-{n}</c>: the command's effects packed a
/// few dozen to a row, so that a transaction stays under its 100 rows whatever the number of advisors). Every command writes its
/// rows in one entity-group transaction guarded by the state row's ETag: two advisors acting at once never lose an
/// update (the loser reloads and decides again), and state, log and pending effects can never disagree.
/// </summary>
public sealed class TableNeedStore
{
    public const string TableName = "needs";
    private const string StateRow = "state";
    private const string EventPrefix = "evt-";
    private const string OutboxPrefix = "out-";

    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public TableNeedStore(TableServiceClient service, TimeProvider time, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
        _time = time;
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task<NeedRecord?> LoadAsync(string needId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(needId, StateRow, cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        var entity = row.Value!;
        return new NeedRecord(needId, Decompress(entity.GetBinary("State")), entity.GetInt64("Version") ?? 0, entity.ETag);
    }

    /// <summary>Creates the need; false when a need with this id already exists (idempotent submission).</summary>
    public async Task<bool> CreateAsync(NeedCommit commit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            await _table.SubmitTransactionAsync(Actions(commit, TableTransactionActionType.Add, ETag.All), ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            return false;
        }
    }

    /// <summary>Applies a commit if the state row still has <paramref name="etag"/>; false when someone else wrote first.</summary>
    public async Task<bool> TryUpdateAsync(NeedCommit commit, ETag etag, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            await _table.SubmitTransactionAsync(Actions(commit, TableTransactionActionType.UpdateReplace, etag), ct);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OutboxItem>> PendingOutboxAsync(string needId, CancellationToken ct)
    {
        var items = new List<OutboxItem>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == needId && e.RowKey.CompareTo(OutboxPrefix) >= 0 && e.RowKey.CompareTo("out.") < 0, cancellationToken: ct))
        {
            var createdAt = row.GetDateTimeOffset("CreatedAt") ?? default;
            foreach (var effect in JsonSerializer.Deserialize<List<PackedEffect>>(row.GetString("Data")) ?? [])
            {
                items.Add(new OutboxItem(row.RowKey, effect.Id, effect.Json, createdAt));
            }
        }

        return items; // Row keys sort by version, then by position: the order the decider produced them in.
    }

    /// <summary>Removes an outbox row once all its effects are carried out; a row already removed (by a concurrent relay) is fine.</summary>
    public async Task CompleteOutboxAsync(string needId, string rowKey, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(needId, rowKey, ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Needs with outbox rows older than <paramref name="olderThan"/>: left behind by a crash, for the sweep.</summary>
    public async Task<IReadOnlyList<string>> NeedsWithStaleOutboxAsync(TimeSpan olderThan, CancellationToken ct)
    {
        var before = _time.GetUtcNow() - olderThan;
        var needs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.RowKey.CompareTo(OutboxPrefix) >= 0 && e.RowKey.CompareTo("out.") < 0 && e.Timestamp < before,
            select: ["PartitionKey"], cancellationToken: ct))
        {
            needs.Add(row.PartitionKey);
        }

        return [.. needs];
    }

    /// <summary>The event log of a need, in order: the audit trail.</summary>
    public async Task<IReadOnlyList<(long Version, string Type, string Json, DateTimeOffset At)>> EventsAsync(string needId, CancellationToken ct)
    {
        var events = new List<(long, string, string, DateTimeOffset)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == needId && e.RowKey.CompareTo(EventPrefix) >= 0 && e.RowKey.CompareTo("evt.") < 0, cancellationToken: ct))
        {
            events.Add((row.GetInt64("Version") ?? 0, row.GetString("Type"), row.GetString("Data"), row.GetDateTimeOffset("At") ?? default));
        }

        return events;
    }

    private List<TableTransactionAction> Actions(NeedCommit commit, TableTransactionActionType stateAction, ETag etag)
    {
        var now = _time.GetUtcNow();
        var actions = new List<TableTransactionAction>(1 + commit.Events.Count + commit.Outbox.Count)
        {
            new(stateAction, new TableEntity(commit.NeedId, StateRow)
            {
                ["State"] = Compress(commit.StateJson),
                ["Version"] = commit.Version,
                ["UpdatedAt"] = now,
            }, etag),
        };
        var first = commit.Version - commit.Events.Count + 1;
        for (var i = 0; i < commit.Events.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(commit.NeedId, $"{EventPrefix}{first + i:D8}")
            {
                ["Type"] = commit.Events[i].Type,
                ["Data"] = commit.Events[i].Json,
                ["Version"] = first + i,
                ["At"] = now,
            }));
        }

        var rowIndex = 0;
        foreach (var pack in Pack(commit.Outbox.DistinctBy(o => o.EffectId)))
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(commit.NeedId, $"{OutboxPrefix}{commit.Version:D8}-{rowIndex++:D3}")
            {
                ["Data"] = JsonSerializer.Serialize(pack),
                ["CreatedAt"] = now,
            }));
        }

        if (actions.Count > 100)
        {
            throw new InvalidOperationException($"A command on need {commit.NeedId} would write {actions.Count} rows; a transaction holds 100.");
        }

        return actions;
    }

    /// <summary>Groups effects into rows that stay well under a string property's 32K characters.</summary>
    private static IEnumerable<List<PackedEffect>> Pack(IEnumerable<(string EffectId, string Json)> effects)
    {
        const int MaxChars = 24_000;
        var pack = new List<PackedEffect>();
        var size = 0;
        foreach (var (id, json) in effects)
        {
            var length = id.Length + json.Length + 32;
            if (pack.Count > 0 && size + length > MaxChars)
            {
                yield return pack;
                pack = [];
                size = 0;
            }

            pack.Add(new PackedEffect(id, json));
            size += length;
        }

        if (pack.Count > 0)
        {
            yield return pack;
        }
    }

    private sealed record PackedEffect(string Id, string Json);

    private static BinaryData Compress(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return BinaryData.FromBytes(output.ToArray());
    }

    private static string Decompress(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
