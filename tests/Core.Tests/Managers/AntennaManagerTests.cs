using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Managers;

namespace ConseillersEntreprises.Core.Tests.Managers;

public sealed class AntennaManagerTests
{
    private static Antenna Antenna(string id, params Manager[] managers) =>
        new() { Id = id, InstitutionId = "cci", Name = $"Antenne {id}", Managers = [.. managers] };

    private static readonly DirectoryDocument Directory = new()
    {
        Antennas =
        [
            Antenna("a1", new Manager { Name = "Claire Martin", Email = "Claire.Martin@cci.example.fr" }),
            Antenna("a2", new Manager { Name = "Claire Martin", Email = " claire.martin@cci.example.fr " }, new Manager { Name = "Paul Roy", Email = "paul.roy@cci.example.fr" }),
            Antenna("a3"),
        ],
    };

    [Fact]
    public void A_person_listed_on_several_antennas_is_one_manager_of_all_of_them()
    {
        var managers = AntennaManager.AllOf(Directory);

        Assert.Equal(["claire.martin@cci.example.fr", "paul.roy@cci.example.fr"], managers.Select(m => m.Email));
        Assert.Equal(["a1", "a2"], managers[0].Antennas.Select(a => a.Id));
        Assert.Equal(["a2"], managers[1].Antennas.Select(a => a.Id));
    }

    [Fact]
    public void A_manager_is_found_by_its_email_in_any_case_and_an_unknown_one_is_not()
    {
        Assert.Equal(2, AntennaManager.Find(Directory, "CLAIRE.MARTIN@cci.example.fr")!.Antennas.Count);
        Assert.Null(AntennaManager.Find(Directory, "someone@cci.example.fr"));
    }
}
