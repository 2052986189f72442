using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Intake;

namespace ConseillersEntreprises.Core.Tests.Intake;

public sealed class CompanyEligibilityTests
{
    private static readonly CompanyFacts Active = new(
        "73282932000074", "732829320", "Ateliers Dupont", "75056", "Paris", "75001", "62.01Z", "11",
        new DateOnly(2010, 3, 1), "5499", Active: true);

    [Fact]
    public void An_active_french_establishment_is_eligible() => Assert.Null(CompanyEligibility.Check(Active));

    [Fact]
    public void An_unknown_state_is_not_held_against_the_company() =>
        Assert.Null(CompanyEligibility.Check(Active with { Active = false }));

    [Fact]
    public void A_closed_establishment_is_refused()
    {
        var problem = CompanyEligibility.Check(Active with { Active = false, EstablishmentClosed = true });

        Assert.Equal(new FieldProblem("siret", "Cet établissement est fermé : indiquez le SIRET d'un établissement en activité"), problem);
    }

    [Fact]
    public void A_ceased_company_is_refused()
    {
        var problem = CompanyEligibility.Check(Active with { Active = false, CompanyCeased = true });

        Assert.Equal(new FieldProblem(NeedFields.Siret, NeedMessages.CompanyCeased), problem);
        Assert.Contains("cessé son activité", problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ceased_company_is_told_so_rather_than_asked_for_another_establishment() =>
        Assert.Equal(NeedMessages.CompanyCeased,
            CompanyEligibility.Check(Active with { Active = false, CompanyCeased = true, EstablishmentClosed = true })?.Message);

    [Fact]
    public void A_foreign_establishment_is_refused()
    {
        var problem = CompanyEligibility.Check(Active with { Foreign = true });

        Assert.Equal(new FieldProblem("siret", "Le service s'adresse aux entreprises établies en France"), problem);
    }

    [Fact]
    public void Being_foreign_comes_first() =>
        Assert.Equal(NeedMessages.ForeignEstablishment,
            CompanyEligibility.Check(Active with { Active = false, Foreign = true, CompanyCeased = true, EstablishmentClosed = true })?.Message);

    [Fact]
    public void Facts_are_required() => Assert.Throws<ArgumentNullException>(() => CompanyEligibility.Check(null!));
}
