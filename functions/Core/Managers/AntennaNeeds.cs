using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Managers;

/// <summary>A need seen from each antenna it was sent to: the rows of the managers' read model. Pure.</summary>
public static class AntennaNeeds
{
    /// <summary>Where an antenna stands once every advisor it had on the need left and was replaced from another antenna.</summary>
    public const string ReassignedElsewhere = "reassigned";

    /// <summary>
    /// One row per antenna among the need's matches, in dispatch order; then one per antenna that lost its last advisor on
    /// the need to a reassignment (<see cref="ReassignedElsewhere"/>, never awaiting an answer), so that its row, written
    /// while its advisor had the need, does not stay "without answer" in its managers' digest for good.
    /// </summary>
    public static IReadOnlyList<AntennaNeed> Of(NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var status = NeedJson.WireName(state.Status);
        var current = state.Matches.Select(m => m.AntennaId).ToHashSet(StringComparer.Ordinal);
        var left = state.Reassignments
            .Where(r => !current.Contains(r.FromAntennaId))
            .GroupBy(r => r.FromAntennaId, StringComparer.Ordinal)
            .Select(antenna => new AntennaNeed
            {
                AntennaId = antenna.Key,
                NeedId = state.NeedId,
                Subject = state.SubjectLabel,
                CompanyName = state.Company.Name ?? string.Empty,
                CommuneName = state.Company.CommuneName ?? string.Empty,
                CreatedAt = state.CreatedAt,
                SentAt = state.CreatedAt,
                Status = status,
                AntennaStatus = ReassignedElsewhere,
                AwaitingAnswer = false,
                AdvisorNames = string.Join(", ", antenna.Select(r => r.FromAdvisorName).Distinct(StringComparer.Ordinal)),
            });
        return [.. CurrentRows(state, status), .. left];
    }

    private static IEnumerable<AntennaNeed> CurrentRows(NeedState state, string status) =>
        state.Matches
            .GroupBy(m => m.AntennaId, StringComparer.Ordinal)
            .Select(antenna => new AntennaNeed
            {
                AntennaId = antenna.Key,
                NeedId = state.NeedId,
                Subject = state.SubjectLabel,
                CompanyName = state.Company.Name ?? string.Empty,
                CommuneName = state.Company.CommuneName ?? string.Empty,
                CreatedAt = state.CreatedAt,
                SentAt = antenna.Min(m => m.SentAt),
                Status = status,
                AntennaStatus = NeedJson.WireName(NeedStatusRules.Derive(antenna.Select(m => m.Status))),
                AwaitingAnswer = IsAwaitingAnswer(state, [.. antenna]),
                AdvisorNames = string.Join(", ", antenna.Select(m => m.AdvisorName)),
            });

    /// <summary>
    /// "Still without any answer" for an antenna: every advisor of the antenna who received the need is still
    /// <see cref="MatchStatus.Quo"/> (nobody there took it on, refused or closed it), and the need is still open: not
    /// cancelled, not abandoned, and not closed by an advisor of another antenna (its status is quo or taking_care).
    /// </summary>
    public static bool IsAwaitingAnswer(NeedState state, IReadOnlyCollection<NeedMatch> antennaMatches)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(antennaMatches);
        return antennaMatches.Count > 0
            && antennaMatches.All(m => m.Status == MatchStatus.Quo)
            && !state.IsCancelled
            && !state.IsAbandoned
            && state.Status is NeedStatus.Quo or NeedStatus.TakingCare;
    }
}
