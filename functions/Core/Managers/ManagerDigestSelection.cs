namespace ConseillersEntreprises.Core.Managers;

/// <summary>What a manager's weekly digest lists: the antennas' needs still awaiting an answer long after they were sent. Pure.</summary>
public static class ManagerDigestSelection
{
    /// <summary>
    /// The rows still <see cref="AntennaNeed.AwaitingAnswer"/> that reached the antenna at least
    /// <paramref name="unansweredAfter"/> before <paramref name="now"/>, oldest first; one line per need even when it
    /// reached two of the manager's antennas.
    /// </summary>
    public static IReadOnlyList<AntennaNeed> Select(IEnumerable<AntennaNeed> rows, DateTimeOffset now, TimeSpan unansweredAfter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sentBefore = now - unansweredAfter;
        return [.. rows
            .Where(r => r.AwaitingAnswer && r.SentAt <= sentBefore)
            .OrderBy(r => r.SentAt)
            .ThenBy(r => r.NeedId, StringComparer.Ordinal)
            .DistinctBy(r => r.NeedId, StringComparer.Ordinal)];
    }
}
