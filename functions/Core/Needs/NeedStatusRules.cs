namespace ConseillersEntreprises.Core.Needs;

/// <summary>PRODUCT.md's derivation of a need's status from its matches: the first rule that applies wins.</summary>
public static class NeedStatusRules
{
    /// <summary>
    /// Any done → done; any done_no_help; any done_not_reachable; any taking_care; any quo → quo; any expired →
    /// abandoned; else (all refused) not_for_me. A need with no match at all (unrouted) is <see cref="NeedStatus.Quo"/>:
    /// it is waiting for an advisor, and <see cref="NeedState.IsUnrouted"/> tells why. The matches never make a need
    /// <see cref="NeedStatus.Cancelled"/>: <see cref="NeedState.Status"/> does, from the cancellation.
    /// </summary>
    public static NeedStatus Derive(IEnumerable<MatchStatus> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var seen = new HashSet<MatchStatus>(matches);
        if (seen.Count == 0)
        {
            return NeedStatus.Quo;
        }

        return seen.Contains(MatchStatus.Done) ? NeedStatus.Done
            : seen.Contains(MatchStatus.DoneNoHelp) ? NeedStatus.DoneNoHelp
            : seen.Contains(MatchStatus.DoneNotReachable) ? NeedStatus.DoneNotReachable
            : seen.Contains(MatchStatus.TakingCare) ? NeedStatus.TakingCare
            : seen.Contains(MatchStatus.Quo) ? NeedStatus.Quo
            : seen.Contains(MatchStatus.Expired) ? NeedStatus.Abandoned
            : NeedStatus.NotForMe;
    }
}
