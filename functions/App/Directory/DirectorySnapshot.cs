using System.Collections.Frozen;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Suggestions;

namespace ConseillersEntreprises.App.Directory;

/// <summary>One directory version with what is derived from it once (routing index, subject labels), swapped together.</summary>
public sealed record DirectorySnapshot(string Version, DirectoryDocument Document, RoutingIndex Routing)
{
    /// <summary>Catalogue subject id → label, for intake and explanations (built once per version, not per request).</summary>
    public FrozenDictionary<string, string> SubjectLabels { get; } = Document.Themes
        .SelectMany(t => t.Subjects)
        .ToFrozenDictionary(s => s.Id, s => s.Label, StringComparer.Ordinal);

    /// <summary>Catalogue subject id → its theme's id, for the public stats (by theme).</summary>
    public FrozenDictionary<string, string> SubjectThemes { get; } = Document.Themes
        .SelectMany(t => t.Subjects.Select(s => (Subject: s.Id, Theme: t.Id)))
        .ToFrozenDictionary(p => p.Subject, p => p.Theme, StringComparer.Ordinal);

    /// <summary>Institution id → name (partner keys, the stats by source).</summary>
    public FrozenDictionary<string, string> InstitutionNames { get; } = Document.Institutions
        .ToFrozenDictionary(i => i.Id, i => i.Name, StringComparer.Ordinal);

    /// <summary>Every partner's declared embedding origins, canonical and without duplicates (the embeddable pages' frame-ancestors).</summary>
    public IReadOnlyList<string> EmbedOrigins { get; } = [.. Document.Institutions
        .SelectMany(i => i.EmbedOrigins ?? [])
        .Select(o => Core.Partners.EmbedOrigin.Normalize(o, out _))
        .OfType<string>()
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)];

    /// <summary>The catalogue indexed for the subject suggestions (GET /api/subjects/suggest): built once per version, read by every call.</summary>
    public SubjectSuggestionIndex Suggestions { get; } = SubjectSuggestionIndex.Build(Document.Themes);

    /// <summary>Theme id → label.</summary>
    public FrozenDictionary<string, string> ThemeLabels { get; } = Document.Themes
        .ToFrozenDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);
}
