using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Tests.Geography;

public sealed class UncoveredTerritoriesTests
{
    [Theory]
    [InlineData("97500", UncoveredTerritory.SaintPierreEtMiquelon)] // postal code
    [InlineData("97502", UncoveredTerritory.SaintPierreEtMiquelon)] // INSEE code
    [InlineData(" Saint-Pierre-et-Miquelon ", UncoveredTerritory.SaintPierreEtMiquelon)]
    [InlineData("st barthélemy", UncoveredTerritory.SaintBarthelemy)]
    [InlineData("97133", UncoveredTerritory.SaintBarthelemy)]
    [InlineData("97150", UncoveredTerritory.SaintMartin)]
    [InlineData("98800", UncoveredTerritory.NouvelleCaledonie)]
    [InlineData("Nouméa", UncoveredTerritory.NouvelleCaledonie)]
    [InlineData("98714", UncoveredTerritory.Polynesie)]
    [InlineData("98000", UncoveredTerritory.Monaco)]
    public void Places_the_service_does_not_cover_are_recognised(string query, UncoveredTerritory expected) =>
        Assert.Equal(expected, UncoveredTerritories.Find(query));

    [Theory]
    [InlineData("97100")] // Basse-Terre, Guadeloupe: a DROM, covered
    [InlineData("97600")] // Mayotte
    [InlineData("47000")]
    [InlineData("Saint-Pierre")] // also a commune of La Réunion, Martinique and metropolitan France
    [InlineData("Saint-Martin")]
    [InlineData("")]
    [InlineData(null)]
    public void Covered_or_ambiguous_places_are_not(string? query) => Assert.Null(UncoveredTerritories.Find(query));

    [Fact]
    public void The_message_names_the_territory_and_the_territories_covered()
    {
        var message = UncoveredTerritories.Message(UncoveredTerritory.Polynesie);

        Assert.StartsWith("Conseillers-Entreprises ne couvre pas la Polynésie française", message, StringComparison.Ordinal);
        Assert.Contains("Mayotte", message, StringComparison.Ordinal);
        Assert.Contains("n'est pas en France", UncoveredTerritories.Message(UncoveredTerritory.Monaco), StringComparison.Ordinal);
    }
}
