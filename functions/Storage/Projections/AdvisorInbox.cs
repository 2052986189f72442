using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// The advisors' inboxes (table <c>inbox</c>), written by the workflow after each decision for the advisors it
/// touched. Upserts of the whole row, so that a replayed write changes nothing.
/// </summary>
public sealed class AdvisorInbox
{
    public const string TableName = "inbox";

    private readonly TableClient _table;

    public AdvisorInbox(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _table = service.GetTableClient(tablePrefix + TableName);
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _table.CreateIfNotExistsAsync(ct);

    public async Task UpsertAsync(InboxEntry entry, CancellationToken ct) =>
        await _table.UpsertEntityAsync(entry, TableUpdateMode.Replace, ct);

    /// <summary>Removes one need from an advisor's inbox; a row already gone is fine (a replayed write).</summary>
    public async Task DeleteAsync(string advisorId, string needId, CancellationToken ct)
    {
        try
        {
            await _table.DeleteEntityAsync(advisorId, needId, Azure.ETag.All, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Every need of one advisor's inbox (one partition).</summary>
    public async Task<IReadOnlyList<InboxEntry>> OfAsync(string advisorId, CancellationToken ct)
    {
        var entries = new List<InboxEntry>();
        await foreach (var entry in _table.QueryAsync<InboxEntry>(e => e.PartitionKey == advisorId, cancellationToken: ct))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
