namespace ConseillersEntreprises.Core.Needs;

/// <summary>An advisor moved its match to <paramref name="NewStatus"/>, optionally saying why.</summary>
public sealed record PositionChanged(string AdvisorId, MatchStatus NewStatus, string? Comment = null) : NeedEvent
{
    public const string TypeName = "position_changed";
}
