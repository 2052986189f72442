namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The need's history of a reassignment (<see cref="NeedReassigned"/>): an operator gave the place of an advisor who
/// left to a colleague. The leaving advisor's match is no longer the need's; this is what remains of it.
/// </summary>
public sealed record NeedReassignment
{
    /// <summary>The operator's email.</summary>
    public required string Operator { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string FromAdvisorId { get; init; }

    public required string FromAdvisorName { get; init; }

    public required string FromInstitutionName { get; init; }

    /// <summary>The leaving advisor's antenna: its managers' view still lists the need, as given to someone else.</summary>
    public required string FromAntennaId { get; init; }

    /// <summary>Where the leaving advisor stood: <see cref="MatchStatus.Quo"/> or <see cref="MatchStatus.TakingCare"/>.</summary>
    public required MatchStatus FromStatus { get; init; }

    public required string ToAdvisorId { get; init; }

    public required string ToAdvisorName { get; init; }

    public required string ToInstitutionName { get; init; }
}
