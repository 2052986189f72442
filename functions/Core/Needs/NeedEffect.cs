using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Something to carry out after a decision was stored (outbox row). A closed hierarchy serialized with a
/// <c>type</c> discriminator. <see cref="EffectId"/> is stable and deterministic (<see cref="EffectIds"/>): the
/// relay runs effects at least once and dedupes on it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SendEmail), SendEmail.TypeName)]
[JsonDerivedType(typeof(ScheduleTimer), ScheduleTimer.TypeName)]
[JsonDerivedType(typeof(AlertOperators), AlertOperators.TypeName)]
[JsonDerivedType(typeof(UpdateProjection), UpdateProjection.TypeName)]
public abstract record NeedEffect
{
    private protected NeedEffect(string effectId, string needId)
    {
        EffectId = effectId;
        NeedId = needId;
    }

    /// <summary>Idempotency key, unique within the need's whole life.</summary>
    public string EffectId { get; }

    public string NeedId { get; }
}
