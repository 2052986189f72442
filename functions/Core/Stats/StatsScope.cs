namespace ConseillersEntreprises.Core.Stats;

/// <summary>
/// Whose stats a partner stats row counts: one institution (its API key's) or one antenna (its managers'). The key
/// ("institution:{id}", "antenna:{id}") is the row's partition, so that one scope's months are read without the others'.
/// </summary>
public sealed record StatsScope
{
    private const string InstitutionPrefix = "institution:";
    private const string AntennaPrefix = "antenna:";

    private StatsScope(string key) => Key = key;

    public string Key { get; }

    public static StatsScope Institution(string institutionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(institutionId);
        return new StatsScope(InstitutionPrefix + institutionId);
    }

    public static StatsScope Antenna(string antennaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(antennaId);
        return new StatsScope(AntennaPrefix + antennaId);
    }

    /// <summary>A stored key back to its scope; null for anything else.</summary>
    public static StatsScope? FromKey(string? key) =>
        key is not null && ((key.StartsWith(InstitutionPrefix, StringComparison.Ordinal) && key.Length > InstitutionPrefix.Length)
            || (key.StartsWith(AntennaPrefix, StringComparison.Ordinal) && key.Length > AntennaPrefix.Length))
            ? new StatsScope(key)
            : null;

    public override string ToString() => Key;
}
