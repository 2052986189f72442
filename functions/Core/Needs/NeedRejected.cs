namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// An operator (<paramref name="Operator"/>: their email) checked a held need and rejected it (<paramref name="Reason"/>
/// is the team's): the need is closed, no advisor ever hears of it, the company gets a short polite email.
/// </summary>
public sealed record NeedRejected(string Operator, string Reason) : NeedEvent
{
    public const string TypeName = "need_rejected";
}
