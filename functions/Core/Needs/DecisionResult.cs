namespace ConseillersEntreprises.Core.Needs;

/// <summary>What <see cref="NeedDecider.Decide"/> answers: <see cref="Accepted"/> or <see cref="Rejected"/>.</summary>
public abstract record DecisionResult
{
    private protected DecisionResult()
    {
    }
}
