namespace ConseillersEntreprises.Storage.Projections;

/// <summary>
/// One week's run of the managers' digests: how many emails went out, how many managers were looked at, and whether
/// every email is out (<see cref="Complete"/>; only a complete run is stored as the week's marker).
/// </summary>
public sealed record ManagerDigestRun(string Week, DateTimeOffset CompletedAt, int Sent, int Managers)
{
    public bool Complete { get; init; } = true;
}
