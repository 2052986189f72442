using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Storage.Directory;

/// <summary>A directory as stored: its version and document.</summary>
public sealed record StoredDirectory(string Version, DirectoryDocument Document, DateTimeOffset SavedAt);
