using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using static ConseillersEntreprises.Core.Tests.Routing.TestDirectory;

namespace ConseillersEntreprises.Core.Tests.Routing;

/// <summary>The coverage of a subject over every commune of France, on small directories around Agen (47001).</summary>
public sealed class SubjectCoverageTests
{
    private const string Agen = "47001";
    private const string Penne = "47203";

    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();

    private static CoverageReport Coverage(DirectoryDocument directory, string subject = Treasury) =>
        SubjectCoverage.Compute(RoutingIndex.Build(directory, Territories), Territories, subject);

    private static DepartementCoverage LotEtGaronne(CoverageReport report) => Assert.Single(report.Departements, d => d.Code == "47");

    [Fact]
    public void Every_commune_without_a_competent_advisor_is_listed_by_departement_with_its_name()
    {
        var report = Coverage(With((Antenna("agen", Communes(Agen)), [Advisor("a1", "agen")])));

        var departement = LotEtGaronne(report);
        Assert.Equal(Territories.Communes.Count, report.CommuneCount);
        Assert.Equal(Territories.Communes.Count - 1, report.UncoveredCount);
        Assert.Equal(0, report.OverlapCount);
        Assert.Equal(Territories.CommunesOfDepartement("47").Count, departement.CommuneCount);
        Assert.Equal(departement.CommuneCount - 1, departement.Uncovered.Count);
        Assert.DoesNotContain(departement.Uncovered, c => c.Code == Agen);
        Assert.Contains(new CoverageCommune(Penne, "Penne-d'Agenais"), departement.Uncovered);
        Assert.Equal("Lot-et-Garonne", departement.Name);
        Assert.Equal(report.Departements.Select(d => d.Code).Order(StringComparer.Ordinal), report.Departements.Select(d => d.Code));
        Assert.Equal(departement.Uncovered.Select(c => c.Code).Order(StringComparer.Ordinal), departement.Uncovered.Select(c => c.Code));
    }

    [Fact]
    public void A_commune_where_one_institution_has_several_competent_active_advisors_is_an_overlap()
    {
        var report = Coverage(With(
            (Antenna("agen", Communes(Agen)), [Advisor("a1", "agen"), Advisor("a2", "agen", Communes(Agen, Penne))]),
            (Antenna("lot", Departements("47")), [Advisor("gone", "lot", active: false), Advisor("hiring", "lot", subjects: [Hiring])])));

        var departement = LotEtGaronne(report);
        var overlap = Assert.Single(departement.Overlaps);
        Assert.Equal([new CoverageCommune(Agen, "Agen")], overlap.Communes);
        Assert.Equal(("inst", "Chambre test"), (overlap.InstitutionId, overlap.InstitutionName));
        Assert.Equal(["a1", "a2"], overlap.Advisors.Select(a => a.AdvisorId)); // neither the inactive one nor the one of another subject
        Assert.Equal("Antenne agen", overlap.Advisors[0].AntennaName);
        Assert.Equal((1, 1), (report.OverlapCount, departement.OverlapCount));
        Assert.DoesNotContain(departement.Uncovered, c => c.Code == Penne); // a2's specific territories
        Assert.Equal(Territories.Communes.Count - 2, report.UncoveredCount);
    }

    [Fact]
    public void Communes_sharing_the_same_advisors_of_one_institution_are_one_overlap()
    {
        var report = Coverage(With((Antenna("lot", Departements("47")), [Advisor("d1", "lot"), Advisor("d2", "lot"), Advisor("agen-only", "lot", Communes(Agen))])));

        var departement = LotEtGaronne(report);
        Assert.Equal(departement.CommuneCount, departement.OverlapCount);
        Assert.Equal(departement.CommuneCount, report.OverlapCount); // Agen once, though in two overlaps
        Assert.Equal(2, departement.Overlaps.Count);
        var whole = Assert.Single(departement.Overlaps, o => o.Advisors.Count == 2);
        Assert.Equal(departement.CommuneCount - 1, whole.Communes.Count);
        Assert.DoesNotContain(whole.Communes, c => c.Code == Agen);
        var agen = Assert.Single(departement.Overlaps, o => o.Advisors.Count == 3);
        Assert.Equal([Agen], agen.Communes.Select(c => c.Code));
    }

    [Fact]
    public void Advisors_of_different_institutions_on_one_commune_are_no_overlap()
    {
        var directory = With((Antenna("agen", Communes(Agen)), [Advisor("a1", "agen")]));
        directory = directory with
        {
            Institutions = [.. directory.Institutions, directory.Institutions[0] with { Id = "other", Name = "Autre" }],
            Antennas = [.. directory.Antennas, Antenna("other-agen", Communes(Agen)) with { InstitutionId = "other" }],
            Advisors = [.. directory.Advisors, Advisor("o1", "other-agen")],
        };

        Assert.Empty(LotEtGaronne(Coverage(directory)).Overlaps);
    }

    [Fact]
    public void Filters_on_company_facts_are_left_aside_but_excluded_communes_count()
    {
        var report = Coverage(With((Antenna("agen", Communes(Agen, Penne)),
        [
            Advisor("big-only", "agen", filters: [new RoutingFilter { MinHeadcount = 50, AcceptedNaf = ["43"] }]),
            Advisor("not-agen", "agen", filters: [new RoutingFilter { ExcludedCommunes = [Agen], Subjects = [Treasury] }]),
            Advisor("not-agen-hiring", "agen", filters: [new RoutingFilter { ExcludedCommunes = [Agen], Subjects = [Hiring] }]),
        ])));

        var departement = LotEtGaronne(report);
        // Agen: the headcount/NAF filter is passed by some company; "not-agen" leaves it out for this subject only.
        var agen = Assert.Single(departement.Overlaps, o => o.Communes.Any(c => c.Code == Agen));
        Assert.Equal(["big-only", "not-agen-hiring"], agen.Advisors.Select(a => a.AdvisorId));
        var penne = Assert.Single(departement.Overlaps, o => o.Communes.Any(c => c.Code == Penne));
        Assert.Equal(3, penne.Advisors.Count);
    }

    [Fact]
    public void A_national_antenna_covers_every_commune_and_an_unknown_subject_none()
    {
        var directory = With((Antenna("france", level: AntennaLevel.National), [Advisor("n1", "france", subjects: [Treasury])]));

        Assert.Equal(0, Coverage(directory).UncoveredCount);
        Assert.Equal(Territories.Communes.Count, Coverage(directory, Hiring).UncoveredCount);
    }
}
