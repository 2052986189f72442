namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>One suggested subject of the catalogue, with its theme; <see cref="Score"/> orders them (higher first).</summary>
public sealed record SubjectSuggestion(string SubjectId, string Label, string ThemeId, string ThemeLabel, double Score);
