using Azure;
using Azure.Data.Tables;

namespace ConseillersEntreprises.Storage.Emails;

/// <summary>
/// Which emails went out, by effect key (table <c>sentemails</c>): the email sender claims a key before sending and
/// marks it sent after, so that an email relayed twice goes out once.
/// </summary>
public sealed class SentEmailLedger
{
    private readonly TableClient _sent;

    public SentEmailLedger(TableServiceClient service, string? tablePrefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _sent = service.GetTableClient(tablePrefix + "sentemails");
    }

    public async Task EnsureCreatedAsync(CancellationToken ct) => await _sent.CreateIfNotExistsAsync(ct);

    /// <summary>
    /// Claims the right to send the email with this key. Exactly one of several concurrent senders wins; a key already
    /// sent is <see cref="SendClaim.AlreadySent"/>; a claim held by a sender that may have died is taken over once its
    /// lease has passed, so a crash between claim and send delays the email instead of losing it.
    /// </summary>
    public async Task<SendClaim> ClaimSendAsync(string effectKey, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var row = new TableEntity(KeyOf(effectKey), "sent") { ["Key"] = effectKey, ["Status"] = "sending", ["At"] = now };
        try
        {
            await _sent.AddEntityAsync(row, ct);
            return SendClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        var existing = await _sent.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: ct);
        if (!existing.HasValue)
        {
            return SendClaim.HeldByAnother; // released meanwhile: the caller retries later
        }

        if (existing.Value!.GetString("Status") == "sent")
        {
            return SendClaim.AlreadySent;
        }

        if ((existing.Value.GetDateTimeOffset("At") ?? default) + lease > now)
        {
            return SendClaim.HeldByAnother;
        }

        try
        {
            await _sent.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, ct);
            return SendClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return SendClaim.HeldByAnother;
        }
    }

    public async Task MarkSentAsync(string effectKey, DateTimeOffset at, CancellationToken ct) =>
        await _sent.UpsertEntityAsync(new TableEntity(KeyOf(effectKey), "sent") { ["Key"] = effectKey, ["Status"] = "sent", ["At"] = at }, TableUpdateMode.Replace, ct);

    /// <summary>Gives a claim back after a failed send, so that the retry can claim it at once.</summary>
    public async Task ReleaseSendAsync(string effectKey, CancellationToken ct)
    {
        try
        {
            await _sent.DeleteEntityAsync(KeyOf(effectKey), "sent", ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>
    /// Forgets the emails sent before <paramref name="sentBefore"/>, long after any effect could be carried out again;
    /// claims are left alone. Returns how many were forgotten.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset sentBefore, CancellationToken ct)
    {
        var forgotten = 0;
        await foreach (var row in _sent.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Status eq {"sent"} and At lt {sentBefore}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try
            {
                await _sent.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct);
                forgotten++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Pruned by another instance meanwhile.
            }
        }

        return forgotten;
    }

    // Effect keys may hold characters table keys refuse; a hash spreads rows over partitions too.
    private static string KeyOf(string effectKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(effectKey)).AsSpan(0, 16));
}

/// <summary>The outcome of <see cref="SentEmailLedger.ClaimSendAsync"/>.</summary>
public enum SendClaim
{
    Claimed,
    AlreadySent,
    HeldByAnother,
}
