namespace ConseillersEntreprises.Core.Needs;

/// <summary>An operator (<paramref name="Operator"/>: their email) cancelled the need.</summary>
public sealed record NeedCancelled(string Operator, string Reason) : NeedEvent
{
    public const string TypeName = "need_cancelled";
}
