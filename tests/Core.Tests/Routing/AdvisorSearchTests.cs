using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using static ConseillersEntreprises.Core.Tests.Routing.TestDirectory;

namespace ConseillersEntreprises.Core.Tests.Routing;

/// <summary>"Ajouter un conseiller": the directory searched, the advisors plausible for the need first.</summary>
public sealed class AdvisorSearchTests
{
    private const string Penne = "47203"; // Lot-et-Garonne
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();

    // kept: covers Penne and is kept; agen: Lot-et-Garonne, hiring only; ain: Ain (01); national; off: inactive.
    private static readonly DirectoryDocument Directory = With(
        (Antenna("lot", Departements("47")), [Advisor("kept", "lot"), Advisor("agen", "lot", subjects: [Hiring])]),
        (Antenna("ain", Departements("01")), [Advisor("ain", "ain"), Advisor("off", "ain", active: false)]),
        (Antenna("france", level: AntennaLevel.National), [Advisor("national", "france", subjects: [Hiring])]));

    private static AdvisorSearchResult Search(string? q, string? commune = Penne, string[]? onNeed = null) =>
        AdvisorSearch.Search(Directory, Territories, new AdvisorSearchRequest(
            Treasury, commune, new HashSet<string>(["kept"]), new HashSet<string>(onNeed ?? []), q));

    [Fact]
    public void Without_words_the_advisors_kept_by_the_routing_then_those_of_the_departement_are_proposed()
    {
        var result = Search(null);

        Assert.Equal(["kept", "agen", "national"], result.Candidates.Select(c => c.AdvisorId));
        Assert.Equal(3, result.Total);
        Assert.Equal("47", result.DepartementCode);
        Assert.Equal("Lot-et-Garonne", result.DepartementName);
        Assert.True(result.Candidates[0].KeptByRouting);
        Assert.Equal("Lot-et-Garonne (47)", result.Candidates[0].Territory);
        Assert.Equal("Toute la France", result.Candidates[2].Territory);
    }

    [Theory]
    [InlineData("conseiller", new[] { "kept", "agen", "national", "ain" })] // every active one, plausible first
    [InlineData("AIN", new[] { "ain" })]                                     // the département's name, any case
    [InlineData("01", new[] { "ain" })]                                      // or its code
    [InlineData("antenne lot", new[] { "kept", "agen" })]                    // every word must match
    [InlineData("chambre", new[] { "kept", "agen", "national", "ain" })]     // the institution
    [InlineData("NATIONAL", new[] { "national" })]                           // the id
    public void The_directory_is_searched_by_name_institution_antenna_territory_or_id(string q, string[] expected) =>
        Assert.Equal(expected, Search(q).Candidates.Select(c => c.AdvisorId));

    [Fact]
    public void Advisors_already_on_the_need_and_inactive_ones_are_never_proposed()
    {
        var result = Search("conseiller", onNeed: ["kept"]);

        Assert.DoesNotContain(result.Candidates, c => c.AdvisorId is "kept" or "off");
    }

    [Fact]
    public void An_advisor_elsewhere_is_told_so()
    {
        var ain = Assert.Single(Search("ain").Candidates);

        Assert.False(ain.CoversDepartement);
        Assert.False(ain.KeptByRouting);
        Assert.True(ain.Competent);
        Assert.Equal("Ain (01)", ain.Territory);
    }
}
