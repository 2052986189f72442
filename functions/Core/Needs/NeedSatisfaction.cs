namespace ConseillersEntreprises.Core.Needs;

/// <summary>The company's latest answer to the satisfaction survey (it may change it).</summary>
public sealed record NeedSatisfaction
{
    public required SatisfactionHelped Helped { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }
}
