namespace ConseillersEntreprises.Core.Moderation;

/// <summary>
/// The operators' block list (<c>GET|PUT /api/admin/blocklist</c>): contact addresses and email domains whose
/// submissions wait for a check. Entries are normalised (trimmed, lower case, sorted, no duplicates) by
/// <see cref="BlockListValidator"/>; a domain also covers its subdomains.
/// </summary>
public sealed record BlockList
{
    public static BlockList Empty { get; } = new();

    public IReadOnlyList<string> Emails { get; init; } = [];

    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Whether <paramref name="email"/> is blocked, and why (the address itself first); null when it is not.</summary>
    public HoldReason? Blocks(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var address = email.Trim().ToLowerInvariant();
        if (Emails.Contains(address, StringComparer.Ordinal))
        {
            return HoldReason.BlockedEmail;
        }

        var at = address.LastIndexOf('@');
        var domain = at < 0 ? address : address[(at + 1)..];
        return Domains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal)) ? HoldReason.BlockedDomain : null;
    }
}
