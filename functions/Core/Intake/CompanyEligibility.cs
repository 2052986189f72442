using ConseillersEntreprises.Core.Companies;

namespace ConseillersEntreprises.Core.Intake;

/// <summary>A problem with one field of the submission: its camelCase JSON name and a French message.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// Whether the service may take a need for the company behind a SIRET, from the facts the company lookup gave.
/// Pure: the caller does the lookup (and decides what to do when it cannot answer).
/// </summary>
public static class CompanyEligibility
{
    /// <summary>
    /// Null when the company may submit a need; otherwise a problem on <c>siret</c>. Checked in this order: a
    /// foreign establishment, a ceased company (no other establishment can help), a closed establishment.
    /// A state the register does not give (<see cref="CompanyFacts.Active"/> false without any of these flags,
    /// as for some non-diffusible companies) is not held against the company.
    /// </summary>
    public static FieldProblem? Check(CompanyFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Foreign)
        {
            return new FieldProblem(NeedFields.Siret, NeedMessages.ForeignEstablishment);
        }

        if (facts.CompanyCeased)
        {
            return new FieldProblem(NeedFields.Siret, NeedMessages.CompanyCeased);
        }

        if (facts.EstablishmentClosed)
        {
            return new FieldProblem(NeedFields.Siret, NeedMessages.EstablishmentClosed);
        }

        return null;
    }
}
