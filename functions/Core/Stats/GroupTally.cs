using System.Runtime.InteropServices;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>The breakdowns' groups: one tally per key, created when the key first comes (one dictionary lookup per row).</summary>
internal static class GroupTally
{
    public static TTally Of<TTally>(Dictionary<string, TTally> groups, string key)
        where TTally : class, new() =>
        CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _) ??= new TTally();
}
