namespace ConseillersEntreprises.Core.Routing;

/// <summary>An advisor chosen for a need, with what the workflow and the emails need to know.</summary>
public sealed record RoutedAdvisor(
    string AdvisorId,
    string AdvisorName,
    string Email,
    string InstitutionId,
    string InstitutionName,
    string AntennaId,
    string AntennaName);
