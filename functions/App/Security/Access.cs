namespace ConseillersEntreprises.App.Security;

/// <summary>Who a signed link lets in (its subject: an operator's email, an advisor's or a need's id), or the refusal to answer.</summary>
public sealed record Access(string? Subject, IResult? Refusal)
{
    public static Access Granted(string subject) => new(subject, null);

    public static Access Refused(IResult refusal) => new(null, refusal);
}
