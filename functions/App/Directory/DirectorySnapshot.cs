using System.Collections.Frozen;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Routing;

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

    /// <summary>Theme id → label.</summary>
    public FrozenDictionary<string, string> ThemeLabels { get; } = Document.Themes
        .ToFrozenDictionary(t => t.Id, t => t.Label, StringComparer.Ordinal);
}
