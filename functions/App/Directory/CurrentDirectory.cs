using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.App.Directory;

/// <summary>
/// The directory this instance routes with. Readers take the snapshot once per request; a new version replaces the
/// whole snapshot in one reference write, so a request never sees half of two directories.
/// </summary>
public sealed class CurrentDirectory(TerritoryIndex territories)
{
    private DirectorySnapshot? _snapshot;

    public DirectorySnapshot? Snapshot => Volatile.Read(ref _snapshot);

    public DirectorySnapshot Swap(string version, DirectoryDocument document)
    {
        var snapshot = new DirectorySnapshot(version, document, RoutingIndex.Build(document, territories, version));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }
}
