using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Managers;

/// <summary>A need seen from each antenna it was sent to: the rows of the managers' read model. Pure.</summary>
public static class AntennaNeeds
{
    /// <summary>One row per antenna among the need's matches, in dispatch order.</summary>
    public static IReadOnlyList<AntennaNeed> Of(NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var status = NeedJson.WireName(state.Status);
        return [.. state.Matches
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
            })];
    }

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
