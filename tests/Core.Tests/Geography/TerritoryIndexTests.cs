using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Tests.Geography;

// Assertions are on the real embedded data (npm @etalab/decoupage-administratif 6.0.0, COG 2026).
public sealed class TerritoryIndexTests
{
    private static readonly TerritoryIndex Index = TerritoryIndex.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_returns_one_shared_instance()
    {
        Assert.Same(Index, TerritoryIndex.LoadEmbedded());
    }

    [Fact]
    public void Counts_are_those_of_the_official_split()
    {
        Assert.InRange(Index.Communes.Count, 34_000, 36_000);
        Assert.Equal(101, Index.DepartementCodes.Count);
        Assert.Equal(18, Index.RegionCodes.Count);
        Assert.InRange(Index.EpciCodes.Count, 1_200, 1_300);
        Assert.All(Index.Communes, c => Assert.True(Index.IsDepartement(c.DepartementCode)));
        Assert.Equal(Index.Communes.Count, Index.DepartementCodes.Sum(d => Index.CommunesOfDepartement(d).Count));
    }

    [Fact]
    public void Lyon_arrondissement_resolves_to_Lyon()
    {
        var lyon = Index.FindCommune("69383");

        Assert.NotNull(lyon);
        Assert.Equal("69123", lyon.Code);
        Assert.Equal("Lyon", lyon.Name);
        Assert.Equal("69", lyon.DepartementCode);
        Assert.Equal("84", lyon.RegionCode);
        Assert.Equal("Auvergne-Rhône-Alpes", Index.RegionName(lyon.RegionCode));
        Assert.Contains("69003", lyon.PostalCodes);
    }

    [Theory]
    [InlineData("75115", "75056")] // Paris 15e arrondissement
    [InlineData("75101", "75056")]
    [InlineData("13208", "13055")] // Marseille 8e arrondissement
    [InlineData("69381", "69123")]
    [InlineData("74268", "74010")] // Seynod, commune déléguée of Annecy (commune nouvelle, 2017)
    [InlineData("01120", "01262")] // Cordieux, commune associée of Montluel
    [InlineData("02285", "59545")] // Escaufourt (Aisne), commune associée of Saint-Souplet (Nord)
    [InlineData("01126", "01033")] // former code merged into Valserhône
    [InlineData("47203", "47203")] // a current commune resolves to itself
    [InlineData(" 47203 ", "47203")]
    [InlineData("2A004", "2A004")] // Ajaccio
    [InlineData("2a004", "2A004")]
    public void Codes_resolve_to_the_current_commune(string code, string expected)
    {
        Assert.Equal(expected, Index.ResolveCommuneCode(code));
        Assert.Equal(expected, Index.FindCommune(code)?.Code);
    }

    [Fact]
    public void Commune_deleguee_sharing_the_code_of_its_commune_nouvelle_is_the_current_commune()
    {
        // Annecy (74010) is both the commune nouvelle and one of its communes déléguées.
        var annecy = Index.FindCommune("74010");

        Assert.NotNull(annecy);
        Assert.Equal("Annecy", annecy.Name);
        Assert.True(Index.IsCommune("74010"));
        Assert.False(Index.IsCommune("74268"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("99999")]
    [InlineData("47 203")]
    [InlineData("Lyon")]
    [InlineData("97501")] // Saint-Pierre-et-Miquelon: collectivités d'outre-mer are out of scope
    public void Blank_or_unknown_codes_give_null(string? code)
    {
        Assert.Null(Index.FindCommune(code));
        Assert.Null(Index.ResolveCommuneCode(code));
    }

    [Fact]
    public void Penne_d_Agenais_belongs_to_the_EPCI_of_the_SIRENE_fixture()
    {
        var penne = Index.FindCommune("47203");

        Assert.NotNull(penne);
        Assert.Equal("Penne-d'Agenais", penne.Name);
        Assert.Equal("200068930", penne.EpciCode);
        Assert.Equal(["47140"], penne.PostalCodes);
        Assert.Equal("47", penne.DepartementCode);
        Assert.Equal("75", penne.RegionCode);
        Assert.True(Index.IsEpci("200068930"));
        Assert.Equal("CC Fumel Vallée du Lot", Index.EpciName("200068930"));
        Assert.Contains(penne, Index.CommunesOfEpci("200068930"));
        Assert.Equal("Lot-et-Garonne", Index.DepartementName("47"));
        Assert.Equal("75", Index.RegionOfDepartement("47"));
        Assert.Equal("Nouvelle-Aquitaine", Index.RegionName("75"));
    }

    [Fact]
    public void Island_communes_have_no_EPCI()
    {
        Assert.Null(Index.FindCommune("29155")?.EpciCode); // Ouessant
        Assert.Equal("29155", Index.FindCommune("29155")?.Code);
    }

    [Fact]
    public void Postal_code_search_gives_every_commune_it_serves_sorted_by_name()
    {
        var codes = Index.Search("47140").Select(c => c.Code).ToArray();

        // The nine communes of postal code 47140 (Auradou ... Trentels); not Laugnac, whose INSEE code is 47140.
        Assert.Equal(["47017", "47079", "47105", "47161", "47162", "47203", "47280", "47314", "47315"], codes);
    }

    [Fact]
    public void Five_digit_search_falls_back_to_the_INSEE_code_only_when_no_postal_code_matches()
    {
        Assert.Equal(["75056"], Index.Search("75015").Select(c => c.Code)); // not 94015, Bry-sur-Marne
        Assert.Equal(["69123"], Index.Search("69383").Select(c => c.Code));
        Assert.Equal("42218", Assert.Single(Index.Search("42218")).Code); // INSEE code, not a postal code

        var limited = Index.Search("47140", limit: 3);
        Assert.Equal(3, limited.Count);
    }

    [Theory]
    [InlineData("penne d agenais")]
    [InlineData("PENNE-D'AGENAIS")]
    [InlineData("Penne-d’Agenais")]
    [InlineData("  penne   d'agenais ")]
    public void Name_search_ignores_case_accents_and_punctuation(string query)
    {
        Assert.Equal("47203", Index.Search(query)[0].Code);
    }

    [Theory]
    [InlineData("Saint-Étienne")]
    [InlineData("st etienne")]
    [InlineData("ST-ETIENNE")]
    [InlineData("saint etienne")]
    public void Saint_and_st_are_the_same_word(string query)
    {
        var results = Index.Search(query);

        Assert.Equal("42218", results[0].Code);
        Assert.Equal(20, results.Count);
        Assert.All(results, c => Assert.StartsWith("Saint-Étienne", c.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Name_search_ranks_exact_then_prefix_then_word_start_then_contains()
    {
        // Lyon; Lyons-la-Forêt; then names with a word starting with "lyon", by name. The arrondissements
        // ("Lyon 1er Arrondissement"...) also match and give Lyon, listed once.
        Assert.Equal(
            ["69123", "27377", "27048", "76067", "42059", "03080", "69202"],
            Index.Search("lyon", limit: 100).Select(c => c.Code));

        const string Data = """
            [regions]
            84	Auvergne-Rhône-Alpes
            [departements]
            69	Rhône	84
            [epci]
            [communes]
            69001	Beaumont	69100		69	84
            69002	Le Mont	69100		69	84
            69003	Montagne	69100		69	84
            69004	Mont	69100		69	84
            69005	Chaumont	69100		69	84
            69006	Mont	69200		69	84
            69007	Val-de-Mont	69100		69	84
            [aliases]
            69010	69005	commune-deleguee	Mont
            """;
        var index = TerritoryIndex.Parse(new StringReader(Data));

        // Exact: the two Mont, then Chaumont through its commune déléguée named Mont; prefix: Montagne; word start:
        // Le Mont, Val-de-Mont; contains: Beaumont (Chaumont already listed).
        Assert.Equal(
            ["69004", "69006", "69005", "69003", "69002", "69007", "69001"],
            index.Search("MONT").Select(c => c.Code));
        Assert.Equal(["69004", "69006"], index.Search("mont", limit: 2).Select(c => c.Code));
    }

    [Fact]
    public void Name_search_orders_ties_by_name_then_code()
    {
        var results = Index.Search("saint martin", limit: 500);
        var exact = results.TakeWhile(c => c.Name == "Saint-Martin").Select(c => c.Code).ToList();

        Assert.True(exact.Count > 1);
        Assert.Equal(exact.Order(StringComparer.Ordinal), exact);
        Assert.Equal(results.Count, results.Distinct().Count());
    }

    [Fact]
    public void Names_of_communes_deleguees_find_their_current_commune()
    {
        Assert.Equal("74010", Index.Search("Seynod")[0].Code);
        Assert.Equal("74010", Index.Search("cran gevrier")[0].Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData(" é ")]
    [InlineData("--")]
    [InlineData("zzzzqx")]
    [InlineData("00000")]
    public void Short_or_unmatched_queries_give_nothing(string? query)
    {
        Assert.Empty(Index.Search(query));
    }

    [Fact]
    public void Limit_is_respected()
    {
        Assert.Equal(5, Index.Search("saint", limit: 5).Count);
        Assert.Empty(Index.Search("saint", limit: 0));
    }

    [Fact]
    public void Code_checks_accept_only_current_codes()
    {
        Assert.True(Index.IsCommune("47203"));
        Assert.False(Index.IsCommune("69383")); // arrondissement: use ResolveCommuneCode
        Assert.True(Index.IsDepartement("2A"));
        Assert.True(Index.IsDepartement("976"));
        Assert.False(Index.IsDepartement("20"));
        Assert.False(Index.IsDepartement("975"));
        Assert.True(Index.IsRegion("84"));
        Assert.True(Index.IsRegion("06"));
        Assert.False(Index.IsRegion("975"));
        Assert.False(Index.IsEpci("214702037")); // SIREN of the commune itself
        Assert.Null(Index.EpciName("000000000"));
        Assert.Null(Index.DepartementName("00"));
        Assert.Null(Index.RegionName("00"));
        Assert.Empty(Index.CommunesOfDepartement("00"));
        Assert.Equal("Corse-du-Sud", Index.DepartementName("2A"));
    }

    [Fact]
    public void Codes_are_sorted()
    {
        Assert.Equal(Index.DepartementCodes.Order(StringComparer.Ordinal), Index.DepartementCodes);
        Assert.Equal(["28", "29", "2A", "2B", "30"], Index.DepartementCodes.Skip(26).Take(5));
        Assert.Equal(Index.RegionCodes.Order(StringComparer.Ordinal), Index.RegionCodes);
        Assert.Equal(Index.EpciCodes.Order(StringComparer.Ordinal), Index.EpciCodes);
        Assert.Equal(Index.Communes.Select(c => c.Code).Order(StringComparer.Ordinal), Index.Communes.Select(c => c.Code));
    }

    [Fact]
    public void Communes_of_a_departement_are_sorted_by_name()
    {
        var lotEtGaronne = Index.CommunesOfDepartement("47");

        Assert.Contains(lotEtGaronne, c => c.Code == "47203");
        Assert.All(lotEtGaronne, c => Assert.Equal("47", c.DepartementCode));
        var keys = lotEtGaronne.Select(c => TerritoryIndex.NormalizeName(c.Name)).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
    }

    [Theory]
    [InlineData("Saint-Étienne", "saint etienne")]
    [InlineData("ST-ÉTIENNE", "saint etienne")]
    [InlineData("Ste-Marie", "sainte marie")]
    [InlineData("L'Haÿ-les-Roses", "l hay les roses")]
    [InlineData("Œuilly", "oeuilly")]
    [InlineData("  Penne-d’Agenais  ", "penne d agenais")]
    [InlineData("Stenay", "stenay")]
    [InlineData("", "")]
    public void NormalizeName_folds_names_to_search_keys(string name, string expected)
    {
        Assert.Equal(expected, TerritoryIndex.NormalizeName(name));
    }

    [Fact]
    public void Parse_reads_a_small_file_and_rejects_unknown_references()
    {
        const string Data = """
            # test
            [regions]
            84	Auvergne-Rhône-Alpes
            [departements]
            69	Rhône	84
            [epci]
            200046977	Métropole de Lyon
            [communes]
            69123	Lyon	69001,69002	200046977	69	84
            [aliases]
            69381	69123	arrondissement-municipal	Lyon 1er Arrondissement
            69232	69123	ancien-code
            """;

        var index = TerritoryIndex.Parse(new StringReader(Data));

        Assert.Equal("69123", index.ResolveCommuneCode("69381"));
        Assert.Equal("69123", index.ResolveCommuneCode("69232"));
        Assert.Equal(["69123"], index.Search("69002").Select(c => c.Code));
        Assert.Equal(["69123"], index.Search("lyon 1er").Select(c => c.Code));

        var broken = Data.Replace("69\t84\n", "68\t84\n", StringComparison.Ordinal);
        var error = Assert.Throws<InvalidDataException>(() => TerritoryIndex.Parse(new StringReader(broken)));
        Assert.Contains("line 9", error.Message, StringComparison.Ordinal);
    }
}
