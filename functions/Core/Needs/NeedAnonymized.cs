namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The need's personal data is anonymised (<see cref="NeedPersonalData.Anonymize"/>): by the retention sweep, or on an
/// erasure request carried out by an operator (<paramref name="Operator"/>: their email; null for the sweep). Final: an
/// anonymised need accepts no more events.
/// </summary>
public sealed record NeedAnonymized(AnonymizationReason Reason, string? Operator = null) : NeedEvent
{
    public const string TypeName = "need_anonymized";
}
