namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Refresh a read model from the need's current state (upserts: replaying it is harmless). At most one per kind per
/// decision.
/// </summary>
public sealed record UpdateProjection(
    string EffectId,
    string NeedId,
    ProjectionKind Kind) : NeedEffect(EffectId, NeedId)
{
    public const string TypeName = "update_projection";

    /// <summary>For <see cref="ProjectionKind.AdvisorInbox"/>: the advisors whose inbox row changed.</summary>
    public IReadOnlyList<string> AdvisorIds { get; init; } = [];
}
