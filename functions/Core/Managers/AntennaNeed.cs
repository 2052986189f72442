namespace ConseillersEntreprises.Core.Managers;

/// <summary>
/// One need as an antenna's manager sees it: the need was sent to at least one advisor of <see cref="AntennaId"/>.
/// The row of the <c>antennaneeds</c> read model, rewritten by the workflow whenever the need's or one of its matches'
/// status changes (<see cref="AntennaNeeds.Of"/>).
/// </summary>
public sealed record AntennaNeed
{
    public required string AntennaId { get; init; }

    public required string NeedId { get; init; }

    public required string Subject { get; init; }

    public required string CompanyName { get; init; }

    public required string CommuneName { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the need first reached an advisor of the antenna.</summary>
    public DateTimeOffset SentAt { get; init; }

    /// <summary>The need's status (wire name of <see cref="Needs.NeedStatus"/>), as the operators and the company see it.</summary>
    public required string Status { get; init; }

    /// <summary>Where the antenna stands: its advisors' positions folded like a need's (wire name of <see cref="Needs.NeedStatus"/>).</summary>
    public required string AntennaStatus { get; init; }

    /// <summary>No advisor of the antenna has answered and the need is still open (<see cref="AntennaNeeds.IsAwaitingAnswer"/>).</summary>
    public bool AwaitingAnswer { get; init; }

    /// <summary>The antenna's advisors who received the need, "Name, Name".</summary>
    public required string AdvisorNames { get; init; }
}
