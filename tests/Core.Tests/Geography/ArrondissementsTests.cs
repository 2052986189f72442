using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Tests.Geography;

public class ArrondissementsTests
{
    [Theory]
    [InlineData("75101", "75056", "Paris")]
    [InlineData("75115", "75056", "Paris")]
    [InlineData("75120", "75056", "Paris")]
    [InlineData("69381", "69123", "Lyon")]
    [InlineData("69383", "69123", "Lyon")]
    [InlineData("69389", "69123", "Lyon")]
    [InlineData("13201", "13055", "Marseille")]
    [InlineData("13216", "13055", "Marseille")]
    public void Arrondissements_map_to_their_commune(string code, string parent, string name)
    {
        Assert.True(Arrondissements.TryGetParentCommune(code, out var communeCode, out var communeName));
        Assert.Equal(parent, communeCode);
        Assert.Equal(name, communeName);
        Assert.True(Arrondissements.IsArrondissement(code));
        Assert.Equal(parent, Arrondissements.ToCommuneCode(code));
    }

    [Theory]
    [InlineData("75056")] // Paris itself
    [InlineData("69123")]
    [InlineData("13055")]
    [InlineData("75100")]
    [InlineData("75121")]
    [InlineData("69380")]
    [InlineData("69390")]
    [InlineData("13200")]
    [InlineData("13217")]
    [InlineData("47203")]
    [InlineData("2A004")] // Corsica: not numeric
    [InlineData("")]
    [InlineData("7510")]
    public void Other_codes_are_left_alone(string code)
    {
        Assert.False(Arrondissements.TryGetParentCommune(code, out _, out _));
        Assert.False(Arrondissements.IsArrondissement(code));
        Assert.Equal(code, Arrondissements.ToCommuneCode(code));
    }

    [Fact]
    public void Null_is_left_alone()
    {
        Assert.Null(Arrondissements.ToCommuneCode(null));
        Assert.False(Arrondissements.IsArrondissement(null));
    }
}
