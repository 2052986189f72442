using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Managers;

/// <summary>
/// One person managing antennas, as the directory lists them (<c>antennas[].managers[]</c>): a person listed on several
/// antennas (one email, any case) is one manager with all of them.
/// </summary>
public sealed record AntennaManager(string Email, string Name, IReadOnlyList<Antenna> Antennas)
{
    /// <summary>Every manager of the directory, by email (lower case), in the directory's order.</summary>
    public static IReadOnlyList<AntennaManager> AllOf(DirectoryDocument directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. directory.Antennas
            .SelectMany(antenna => antenna.Managers.Select(manager => (Manager: manager, Antenna: antenna)))
            .Where(p => !string.IsNullOrWhiteSpace(p.Manager.Email))
            .GroupBy(p => Normalize(p.Manager.Email), StringComparer.Ordinal)
            .Select(g => new AntennaManager(g.Key, g.First().Manager.Name, [.. g.Select(p => p.Antenna).DistinctBy(a => a.Id, StringComparer.Ordinal)]))];
    }

    /// <summary>The manager with that email, or null: a manager taken off the directory loses its links at once.</summary>
    public static AntennaManager? Find(DirectoryDocument directory, string? email) =>
        email is null ? null : AllOf(directory).FirstOrDefault(m => string.Equals(m.Email, Normalize(email), StringComparison.Ordinal));

    /// <summary>How a manager's email is compared and put in its token.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
