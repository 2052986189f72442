using System.Globalization;
using Azure.Data.Tables;
using ConseillersEntreprises.Core.Managers;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// The antenna managers' read model (table <c>antennaneeds</c>): PK = antenna id, RK = inverted creation ticks + need
/// id (most recent first), one row per need per antenna it was sent to, rewritten (upsert) by the workflow when the
/// need's or a match's status changes. The digest reads, per antenna, only the rows still awaiting an answer sent
/// before its cutoff (a filter inside the antenna's partition: a few hundred rows a year for a busy antenna, never
/// the other antennas' needs, nor every need's snapshot); the managers' page reads the newest rows of its antennas.
/// </summary>
public sealed class AntennaNeedsTable
{
    public const string TableName = "antennaneeds";

    private readonly TableClient _table;

    public AntennaNeedsTable(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public static string RowKeyOf(DateTimeOffset createdAt, string needId) =>
        (DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + needId;

    public async Task UpsertAsync(AntennaNeed row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entity = new TableEntity(row.AntennaId, RowKeyOf(row.CreatedAt, row.NeedId))
        {
            ["NeedId"] = row.NeedId,
            ["Subject"] = row.Subject,
            ["CompanyName"] = row.CompanyName,
            ["CommuneName"] = row.CommuneName,
            ["CreatedAt"] = row.CreatedAt,
            ["SentAt"] = row.SentAt,
            ["Status"] = row.Status,
            ["AntennaStatus"] = row.AntennaStatus,
            ["AwaitingAnswer"] = row.AwaitingAnswer,
            ["AdvisorNames"] = row.AdvisorNames,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
    }

    /// <summary>The antenna's newest <paramref name="max"/> needs, most recent first.</summary>
    public async Task<IReadOnlyList<AntennaNeed>> NewestAsync(string antennaId, int max, CancellationToken ct)
    {
        var rows = new List<AntennaNeed>();
        await foreach (var e in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {antennaId}"), maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            rows.Add(Read(e));
            if (rows.Count >= max)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>The antenna's needs still awaiting an answer that reached it at or before <paramref name="sentBefore"/>.</summary>
    public async Task<IReadOnlyList<AntennaNeed>> AwaitingSinceAsync(string antennaId, DateTimeOffset sentBefore, CancellationToken ct)
    {
        var rows = new List<AntennaNeed>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {antennaId} and AwaitingAnswer eq true and SentAt le {sentBefore}");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            rows.Add(Read(e));
        }

        return rows;
    }

    private static AntennaNeed Read(TableEntity e) => new()
    {
        AntennaId = e.PartitionKey,
        NeedId = e.GetString("NeedId") ?? e.RowKey[(e.RowKey.IndexOf('_', StringComparison.Ordinal) + 1)..],
        Subject = e.GetString("Subject") ?? string.Empty,
        CompanyName = e.GetString("CompanyName") ?? string.Empty,
        CommuneName = e.GetString("CommuneName") ?? string.Empty,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        SentAt = e.GetDateTimeOffset("SentAt") ?? default,
        Status = e.GetString("Status") ?? string.Empty,
        AntennaStatus = e.GetString("AntennaStatus") ?? string.Empty,
        AwaitingAnswer = e.GetBoolean("AwaitingAnswer") ?? false,
        AdvisorNames = e.GetString("AdvisorNames") ?? string.Empty,
    };
}
