namespace ConseillersEntreprises.Core.Reports;

/// <summary>One row of a breakdown of the annual report: its key (NAF section, size, région code), French label and figures.</summary>
public sealed record AnnualGroup(string Key, string Label, AnnualFigures Figures);
