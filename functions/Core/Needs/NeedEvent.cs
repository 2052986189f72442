using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// Something that happened to a need, submitted to <see cref="NeedDecider.Decide"/>. A closed hierarchy, serialized
/// with a <c>type</c> discriminator (<see cref="NeedJson.EventType"/>). Accepted events form the need's event log.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(NeedSubmitted), NeedSubmitted.TypeName)]
[JsonDerivedType(typeof(PositionChanged), PositionChanged.TypeName)]
[JsonDerivedType(typeof(CommentPosted), CommentPosted.TypeName)]
[JsonDerivedType(typeof(TimerDue), TimerDue.TypeName)]
[JsonDerivedType(typeof(NeedCancelled), NeedCancelled.TypeName)]
[JsonDerivedType(typeof(AdvisorAdded), AdvisorAdded.TypeName)]
[JsonDerivedType(typeof(SatisfactionGiven), SatisfactionGiven.TypeName)]
[JsonDerivedType(typeof(SubjectChosen), SubjectChosen.TypeName)]
[JsonDerivedType(typeof(NeedApproved), NeedApproved.TypeName)]
[JsonDerivedType(typeof(NeedRejected), NeedRejected.TypeName)]
[JsonDerivedType(typeof(NeedReassigned), NeedReassigned.TypeName)]
[JsonDerivedType(typeof(NeedAnonymized), NeedAnonymized.TypeName)]
public abstract record NeedEvent
{
    private protected NeedEvent()
    {
    }
}
