namespace ConseillersEntreprises.Core.Routing;

/// <summary>Why each advisor competent on a subject was kept or left out, for operators.</summary>
public sealed record RoutingExplanation(
    string SubjectId,
    string? CommuneCode,
    IReadOnlyList<RoutedAdvisor> Kept,
    IReadOnlyList<LeftOutAdvisor> LeftOut);

/// <summary>An advisor left out, with the first rule that excluded it.</summary>
/// <param name="AdvisorId">The advisor.</param>
/// <param name="AdvisorName">Its name, for reading.</param>
/// <param name="Rule">Machine-readable rule: inactive, commune, territory, filter (<see cref="LeftOutRules"/>).</param>
/// <param name="Reason">French sentence for operators, naming the filter and the value that failed.</param>
public sealed record LeftOutAdvisor(string AdvisorId, string AdvisorName, string Rule, string Reason)
{
    /// <summary>Its institution, for reading (null in explanations built before it was carried).</summary>
    public string? InstitutionName { get; init; }

    /// <summary>Its antenna, for reading.</summary>
    public string? AntennaName { get; init; }
}
