namespace ConseillersEntreprises.App.Security;

/// <summary>Who a signed link lets in (its subject: an operator's email, an advisor's or a need's id), or the refusal to answer.</summary>
public sealed record Access(string? Subject, IResult? Refusal)
{
    public static Access Granted(string subject) => new(subject, null);

    public static Access Refused(IResult refusal) => new(null, refusal);

    /// <summary>An action on behalf of <see cref="Subject"/>: this refusal if any, else its JSON body's, else the action's answer.</summary>
    public async Task<IResult> ThenAsync<TBody>(HttpRequest request, Func<TBody?, string, Task<IResult>> act, CancellationToken ct)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(act);
        if (Refusal is not null)
        {
            return Refusal;
        }

        var (body, unreadable) = await JsonBody.ReadAsync<TBody>(request, ct);
        return unreadable ?? await act(body, Subject!);
    }
}
