using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.DemoData;
using Xunit.Abstractions;

namespace ConseillersEntreprises.Core.Tests.DemoData;

public sealed partial class DemoDirectoryGeneratorTests(ITestOutputHelper output)
{
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();
    private static readonly Lazy<DirectoryDocument> DefaultDirectory = new(() => DemoDirectory.Default(Territories));

    private static DirectoryDocument Demo => DefaultDirectory.Value;

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = JsonSerializer.Serialize(DemoDirectoryGenerator.Generate(Territories));
        var second = JsonSerializer.Serialize(DemoDirectoryGenerator.Generate(Territories, 2000, 42));
        var other = JsonSerializer.Serialize(DemoDirectoryGenerator.Generate(Territories, 2000, 7));

        Assert.Equal(first, second);
        Assert.Equal(first, JsonSerializer.Serialize(Demo));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_demo_directory_passes_the_directory_validator()
    {
        Assert.Empty(DirectoryValidator.Validate(Demo, Territories));
    }

    [Fact]
    public void The_catalogue_has_about_ten_themes_and_forty_subjects_with_stable_slugs()
    {
        Assert.InRange(Demo.Themes.Count, 9, 12);
        var subjects = Demo.Themes.SelectMany(t => t.Subjects).ToList();
        Assert.InRange(subjects.Count, 35, 50);
        Assert.All(Demo.Themes.Select(t => t.Id).Concat(subjects.Select(s => s.Id)), id => Assert.Matches(SlugPattern(), id));
        Assert.All(Demo.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
        Assert.All(subjects, s => Assert.False(string.IsNullOrWhiteSpace(s.Label) || string.IsNullOrWhiteSpace(s.Description)));
        Assert.Equal(subjects.Select(s => s.Id), Catalogue.AllSubjectIds);
    }

    [Fact]
    public void Every_subject_is_offered_by_some_institution_and_every_catalogue_entry_exists()
    {
        var subjects = Demo.Themes.SelectMany(t => t.Subjects).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var offered = Demo.Institutions.SelectMany(i => i.Subjects).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(subjects, offered);
        Assert.Empty(subjects.Except(offered));
        Assert.InRange(Demo.Institutions.Count, 25, 50);
    }

    [Fact]
    public void Ids_are_unique_and_advisor_emails_too()
    {
        AssertUnique(Demo.Themes.Select(t => t.Id));
        AssertUnique(Demo.Themes.SelectMany(t => t.Subjects).Select(s => s.Id));
        AssertUnique(Demo.Institutions.Select(i => i.Id));
        AssertUnique(Demo.Antennas.Select(a => a.Id));
        AssertUnique(Demo.Advisors.Select(a => a.Id));
        AssertUnique(Demo.Advisors.Select(a => a.Email.ToUpperInvariant()));
    }

    [Fact]
    public void Every_commune_hence_every_departement_has_a_local_CCI_and_a_local_CMA_antenna()
    {
        foreach (var institution in new[] { "cci", "cma" })
        {
            var covered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var antenna in Demo.Antennas.Where(a => a.InstitutionId == institution && a.Level == AntennaLevel.Local))
            {
                covered.UnionWith(CommunesOf(antenna.Territories));
            }

            Assert.All(Territories.Communes, c => Assert.Contains(c.Code, covered));
            Assert.All(Territories.DepartementCodes, d => Assert.Contains(Demo.Antennas, a =>
                a.InstitutionId == institution && a.Level == AntennaLevel.Local && CommunesOf(a.Territories).Any(c => Territories.FindCommune(c)!.DepartementCode == d)));
        }

        Assert.Contains(Demo.Antennas, a => a.Name == "CCI Lot-et-Garonne" && a.Territories.Departements.SequenceEqual(["47"]));
        Assert.Contains(Demo.Antennas, a => a.InstitutionId == "cci" && a.Territories.Epcis.Count > 0);
    }

    [Fact]
    public void The_three_antenna_levels_are_used()
    {
        Assert.All(Enum.GetValues<AntennaLevel>(), level => Assert.Contains(Demo.Antennas, a => a.Level == level));
        Assert.All(Demo.Antennas.Where(a => a.Level == AntennaLevel.National), a => Assert.True(a.Territories.IsEmpty));
        Assert.All(Demo.Antennas.Where(a => a.Level != AntennaLevel.National), a => Assert.False(a.Territories.IsEmpty));
    }

    [Fact]
    public void Every_territory_code_used_exists_in_the_territory_index()
    {
        var territories = Demo.Antennas.Select(a => a.Territories)
            .Concat(Demo.Advisors.Select(a => a.Territories).OfType<Territories>());
        foreach (var covered in territories)
        {
            Assert.All(covered.Communes, c => Assert.True(Territories.IsCommune(c), c));
            Assert.All(covered.Epcis, c => Assert.True(Territories.IsEpci(c), c));
            Assert.All(covered.Departements, c => Assert.True(Territories.IsDepartement(c), c));
            Assert.All(covered.Regions, c => Assert.True(Territories.IsRegion(c), c));
        }

        var filters = Demo.Institutions.SelectMany(i => i.Filters)
            .Concat(Demo.Antennas.SelectMany(a => a.Filters))
            .Concat(Demo.Advisors.SelectMany(a => a.Filters));
        Assert.All(filters.SelectMany(f => f.ExcludedCommunes ?? []), c => Assert.True(Territories.IsCommune(c), c));
    }

    [Fact]
    public void Advisor_subjects_belong_to_their_institution_catalogue_and_every_antenna_has_advisors()
    {
        var institutions = Demo.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var antennas = Demo.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Assert.All(Demo.Advisors, advisor =>
        {
            var catalogue = institutions[antennas[advisor.AntennaId].InstitutionId].Subjects;
            Assert.NotEmpty(advisor.Subjects);
            Assert.All(advisor.Subjects, s => Assert.Contains(s, catalogue));
        });

        var staffed = Demo.Advisors.Select(a => a.AntennaId).ToHashSet(StringComparer.Ordinal);
        Assert.All(Demo.Antennas, a => Assert.Contains(a.Id, staffed));
    }

    [Fact]
    public void Specific_territories_stay_within_the_antenna_territories()
    {
        var antennas = Demo.Antennas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var specific = Demo.Advisors.Where(a => a.Territories is not null).ToList();

        Assert.InRange(specific.Count, 90, 110);
        Assert.All(specific, advisor =>
        {
            Assert.False(advisor.Territories!.IsEmpty);
            var antennaCommunes = CommunesOf(antennas[advisor.AntennaId].Territories).ToHashSet(StringComparer.Ordinal);
            var own = CommunesOf(advisor.Territories).ToList();
            Assert.Subset(antennaCommunes, own.ToHashSet(StringComparer.Ordinal));
            Assert.True(own.Count < antennaCommunes.Count, advisor.Id);
        });
    }

    [Fact]
    public void About_two_percent_of_advisors_are_inactive_and_some_team_mailboxes_exist()
    {
        Assert.InRange(Demo.Advisors.Count(a => !a.Active), 30, 50);
        Assert.Contains(Demo.Advisors, a => a.Name == "Pôle entreprises CCI Lot-et-Garonne" || a.Name.StartsWith("Pôle entreprises CCI ", StringComparison.Ordinal));
        Assert.Contains(Demo.Advisors, a => a.Filters.Count > 0);
    }

    [Fact]
    public void Filters_are_data_on_institutions_antennas_and_advisors()
    {
        var institutions = Demo.Institutions.ToDictionary(i => i.Id, StringComparer.Ordinal);

        Assert.Equal(249, Assert.Single(institutions["cma"].Filters).MaxHeadcount);
        Assert.Equal(["41", "42", "43"], Assert.Single(institutions["constructys"].Filters).AcceptedNaf!);
        var crp = Assert.Single(institutions["crp"].Filters);
        Assert.Equal(50, crp.MinHeadcount);
        Assert.Contains(SubjectIds.Restructuration, crp.Subjects!);
        Assert.Contains(institutions["initiative-france"].Filters, f => f.MaxYears == 5);
        Assert.Contains(Demo.Antennas, a => a.Filters.Any(f => f.ExcludedCommunes is { Count: > 0 }));
        Assert.Contains(Demo.Antennas, a => a.Filters.Any(f => f.MinHeadcount is not null));
        Assert.Contains(Demo.Advisors, a => a.Filters.Any(f => f.MinYears == 6));
    }

    [Fact]
    public void Emails_are_valid_and_fictional_and_phones_are_french()
    {
        var emails = Demo.Advisors.Select(a => a.Email).Concat(Demo.Antennas.SelectMany(a => a.Managers).Select(m => m.Email)).ToList();

        Assert.All(emails, e => Assert.True(EmailAddress.IsValid(e), e));
        Assert.All(emails, e => Assert.EndsWith("." + DemoDirectoryGenerator.DomainSuffix, e, StringComparison.Ordinal));
        Assert.All(Demo.Advisors.Select(a => a.Phone).OfType<string>(), p => Assert.Matches(PhonePattern(), p));
        Assert.All(Demo.Antennas, a => Assert.NotEmpty(a.Managers));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(500)]
    [InlineData(10000)]
    public void The_advisor_count_is_honoured(int count)
    {
        var document = DemoDirectoryGenerator.Generate(Territories, count);

        Assert.InRange(document.Advisors.Count, count * 0.98, count * 1.02);
    }

    [Fact]
    public void The_benchmark_directory_has_ten_thousand_valid_advisors()
    {
        DemoDirectory.Benchmark(Territories); // warm-up
        var stopwatch = Stopwatch.StartNew();
        var document = DemoDirectory.Benchmark(Territories);
        stopwatch.Stop();
        output.WriteLine($"10,000 advisors generated in {stopwatch.ElapsedMilliseconds} ms");

        Assert.InRange(document.Advisors.Count, 9800, 10200);
        Assert.Empty(DirectoryValidator.Validate(document, Territories));
        AssertUnique(document.Advisors.Select(a => a.Email.ToUpperInvariant()));
    }

    private static IEnumerable<string> CommunesOf(Territories territories) =>
        territories.Communes
            .Concat(territories.Epcis.SelectMany(Territories.CommunesOfEpci).Select(c => c.Code))
            .Concat(territories.Departements.SelectMany(Territories.CommunesOfDepartement).Select(c => c.Code))
            .Concat(territories.Regions.SelectMany(r => Territories.Communes.Where(c => c.RegionCode == r)).Select(c => c.Code));

    private static void AssertUnique(IEnumerable<string> values)
    {
        var duplicates = values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^0[1-9]( \d{2}){4}$")]
    private static partial Regex PhonePattern();
}
