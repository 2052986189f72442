using System.IO.Compression;
using Azure;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Storage.Directory;

/// <summary>
/// Stores the directory in Azure Table Storage. The directory is always read and written whole, so a version is
/// stored as gzip'd JSON split into chunk rows of one partition (<c>v-{version}</c>) written in ONE entity-group
/// transaction: a version exists entirely or not at all. A pointer row names the current version; moving it is the
/// atomic switch other instances poll for (one point read). A few older versions are kept for rollback and audit.
/// </summary>
public sealed class TableDirectoryStore
{
    public const string TableName = "directory";
    private const string PointerPartition = "pointer";
    private const string PointerRow = "current";
    private const int ChunkBytes = 60 * 1024; // Binary properties are capped at 64 KiB.
    private const int MaxChunks = 40; // A transaction carries at most 100 entities and 4 MiB (base64 inflates by 4/3).
    private const int VersionsKept = 5;

    private readonly TableClient _table;
    private readonly TimeProvider _time;

    /// <param name="service">The storage account's table service.</param>
    /// <param name="time">The clock, for version names.</param>
    /// <param name="tablePrefix">Prefix of table names, so that several test hosts can share one storage account.</param>
    public TableDirectoryStore(TableServiceClient service, TimeProvider time, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
        _time = time;
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    /// <summary>The current version, with one point read; null when no directory was ever stored.</summary>
    public async Task<string?> GetCurrentVersionAsync(CancellationToken ct)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, ["Version"], ct);
        return pointer.HasValue ? pointer.Value!.GetString("Version") : null;
    }

    public async Task<StoredDirectory?> LoadCurrentAsync(CancellationToken ct)
    {
        var version = await GetCurrentVersionAsync(ct);
        return version is null ? null : await LoadAsync(version, ct);
    }

    public async Task<StoredDirectory?> LoadAsync(string version, CancellationToken ct)
    {
        var chunks = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition(version), cancellationToken: ct))
        {
            chunks.Add(row);
        }

        if (chunks.Count == 0)
        {
            return null;
        }

        chunks.Sort((a, b) => string.CompareOrdinal(a.RowKey, b.RowKey));
        using var compressed = new MemoryStream();
        foreach (var chunk in chunks)
        {
            compressed.Write(chunk.GetBinary("Data"));
        }

        compressed.Position = 0;
        using var json = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(json, ct);
        }

        var document = DirectoryJson.Deserialize(json.GetBuffer().AsSpan(0, (int)json.Length))
            ?? throw new InvalidDataException($"Directory version {version} is empty.");
        return new StoredDirectory(version, document, chunks[0].GetDateTimeOffset("SavedAt") ?? chunks[0].Timestamp ?? default);
    }

    /// <summary>Stores a (validated) document as a new version and makes it current. Returns the new version.</summary>
    public async Task<string> SaveAsync(DirectoryDocument document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = _time.GetUtcNow();
        // Sortable and unique: the time, then random bits so that two saves in the same millisecond differ.
        var version = $"{now:yyyyMMddHHmmssfff}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
        var compressed = Compress(DirectoryJson.Serialize(document));
        var chunkCount = (compressed.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunkCount > MaxChunks)
        {
            throw new InvalidOperationException($"The directory is too large to store ({compressed.Length} compressed bytes).");
        }

        var actions = new List<TableTransactionAction>(chunkCount);
        for (var i = 0; i < chunkCount; i++)
        {
            var slice = compressed.AsMemory(i * ChunkBytes, Math.Min(ChunkBytes, compressed.Length - (i * ChunkBytes)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition(version), $"chunk-{i:D3}")
            {
                ["Data"] = BinaryData.FromBytes(slice),
                ["SavedAt"] = now,
                ["Chunks"] = chunkCount,
            }));
        }

        await _table.SubmitTransactionAsync(actions, ct);
        await _table.UpsertEntityAsync(new TableEntity(PointerPartition, PointerRow) { ["Version"] = version, ["SavedAt"] = now }, TableUpdateMode.Replace, ct);
        await PruneOldVersionsAsync(version, ct);
        return version;
    }

    private async Task PruneOldVersionsAsync(string current, CancellationToken ct)
    {
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.RowKey == "chunk-000", select: ["PartitionKey"], cancellationToken: ct))
        {
            partitions.Add(row.PartitionKey);
        }

        foreach (var partition in partitions.Where(p => string.CompareOrdinal(p, Partition(current)) < 0).Reverse().Skip(VersionsKept - 1))
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            {
                try
                {
                    await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Another instance pruned it first.
                }
            }
        }
    }

    private static string Partition(string version) => "v-" + version;

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }
}
