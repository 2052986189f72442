using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using static ConseillersEntreprises.Core.Tests.Routing.TestDirectory;

namespace ConseillersEntreprises.Core.Tests.Routing;

public sealed class RoutingIndexTests
{
    // Real codes from the official split: Penne-d'Agenais (Lot-et-Garonne, Nouvelle-Aquitaine) and Lyon.
    private const string Penne = "47203";
    private const string PenneEpci = "200068930";
    private const string LotEtGaronne = "47";
    private const string NouvelleAquitaine = "75";
    private const string Lyon = "69123";
    private const string Lyon3 = "69383";
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();

    private static string[] Route(DirectoryDocument directory, string? commune, CompanyFacts? company = null, string subject = Treasury) =>
        [.. RoutingIndex.Build(directory, Territories).Route(new RoutingRequest(subject, commune, company, Today)).Select(a => a.AdvisorId)];

    private static CompanyFacts Company(DateOnly? created = null, string? bracket = "11", string? naf = "62.01Z", string? legalForm = "5499", string commune = Penne) =>
        new("73282932000074", "732829320", "MENUISERIE DUPONT", commune, null, null, naf, bracket, created, legalForm, Active: true);

    [Theory]
    [InlineData("commune")]
    [InlineData("epci")]
    [InlineData("departement")]
    [InlineData("region")]
    [InlineData("national")]
    public void An_antenna_covering_the_commune_or_one_of_its_territories_gets_the_need(string level)
    {
        var antenna = level switch
        {
            "commune" => Antenna("a", Communes(Penne)),
            "epci" => Antenna("a", Epcis(PenneEpci)),
            "departement" => Antenna("a", Departements(LotEtGaronne)),
            "region" => Antenna("a", Regions(NouvelleAquitaine)),
            _ => Antenna("a", level: AntennaLevel.National),
        };

        Assert.Equal(["x"], Route(With((antenna, [Advisor("x", "a")])), Penne));
    }

    [Theory]
    [InlineData("communes", "47001")]
    [InlineData("epcis", "200069060")]
    [InlineData("departements", "33")]
    [InlineData("regions", "84")]
    public void An_antenna_covering_something_else_does_not(string kind, string code)
    {
        var territories = kind switch
        {
            "communes" => Communes(code),
            "epcis" => Epcis(code),
            "departements" => Departements(code),
            _ => Regions(code),
        };

        Assert.Empty(Route(With((Antenna("a", territories), [Advisor("x", "a")])), Penne));
    }

    [Fact]
    public void Specific_territories_replace_the_antennas_own()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne)), [
            Advisor("elsewhere", "a", territories: Communes("47001")),
            Advisor("here", "a", territories: Communes(Penne)),
            Advisor("antenna", "a"),
        ]));

        Assert.Equal(["here", "antenna"], Route(directory, Penne));
        Assert.Equal(["elsewhere", "antenna"], Route(directory, "47001"));
    }

    [Fact]
    public void Specific_territories_also_narrow_a_national_antenna()
    {
        var directory = With((Antenna("n", level: AntennaLevel.National), [Advisor("x", "n", territories: Regions("84")), Advisor("y", "n")]));

        Assert.Equal(["y"], Route(directory, Penne));
        Assert.Equal(["x", "y"], Route(directory, Lyon));
    }

    [Fact]
    public void Only_active_advisors_competent_on_the_subject_are_chosen()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne)), [
            Advisor("active", "a"),
            Advisor("inactive", "a", active: false),
            Advisor("hiring-only", "a", subjects: [Hiring]),
        ]));

        Assert.Equal(["active"], Route(directory, Penne));
        Assert.Equal(["active", "hiring-only"], Route(directory, Penne, subject: Hiring));
    }

    [Fact]
    public void Competence_is_limited_to_the_institutions_catalogue()
    {
        var directory = With([], [Hiring], (Antenna("a", Departements(LotEtGaronne)), [Advisor("x", "a", subjects: [Treasury, Hiring])]));

        Assert.Empty(Route(directory, Penne, subject: Treasury));
        Assert.Equal(["x"], Route(directory, Penne, subject: Hiring));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("99999")]
    [InlineData("not-a-code")]
    public void A_blank_or_unknown_commune_goes_to_nobody_even_with_a_national_antenna(string? commune)
    {
        var directory = With((Antenna("n", level: AntennaLevel.National), [Advisor("x", "n")]));

        Assert.Empty(Route(directory, commune));
    }

    [Fact]
    public void An_unknown_subject_goes_to_nobody() =>
        Assert.Empty(Route(With((Antenna("n", level: AntennaLevel.National), [Advisor("x", "n")])), Penne, subject: "inconnu"));

    [Fact]
    public void A_lyon_arrondissement_is_routed_like_lyon()
    {
        var directory = With(
            (Antenna("commune", Communes(Lyon)), [Advisor("by-commune", "commune")]),
            (Antenna("dept", Departements("69")), [Advisor("by-departement", "dept")]),
            (Antenna("arr", Communes(Lyon3)), [Advisor("listed-by-arrondissement", "arr")]));

        Assert.Equal(Route(directory, Lyon), Route(directory, Lyon3));
        Assert.Equal(["by-commune", "by-departement", "listed-by-arrondissement"], Route(directory, Lyon3));
    }

    [Fact]
    public void An_advisor_reachable_through_several_territories_is_chosen_once()
    {
        var territories = new Territories { Communes = [Penne], Epcis = [PenneEpci], Departements = [LotEtGaronne], Regions = [NouvelleAquitaine] };

        Assert.Equal(["x"], Route(With((Antenna("a", territories), [Advisor("x", "a")])), Penne));
    }

    [Fact]
    public void Min_six_years_keeps_a_seven_year_old_company_and_drops_a_one_year_old()
    {
        var directory = With([new RoutingFilter { MinYears = 6 }], null, (Antenna("a", Departements(LotEtGaronne)), [Advisor("x", "a")]));

        Assert.Equal(["x"], Route(directory, Penne, Company(created: Today.AddYears(-7))));
        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-1))));
    }

    [Fact]
    public void Antenna_min_four_and_advisor_min_six_drop_a_five_year_old()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MinYears = 4 }),
            [Advisor("x", "a", filters: new RoutingFilter { MinYears = 6 }), Advisor("y", "a")]));

        Assert.Equal(["y"], Route(directory, Penne, Company(created: Today.AddYears(-5))));
        Assert.Equal(["x", "y"], Route(directory, Penne, Company(created: Today.AddYears(-6))));
    }

    [Fact]
    public void Company_age_counts_whole_years_to_the_day()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MinYears = 6 }), [Advisor("x", "a")]));

        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-6).AddDays(1))));
        Assert.Equal(["x"], Route(directory, Penne, Company(created: Today.AddYears(-6))));
    }

    [Fact]
    public void Max_years_keeps_young_companies_only()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MaxYears = 5 }), [Advisor("x", "a")]));

        Assert.Equal(["x"], Route(directory, Penne, Company(created: Today.AddYears(-2))));
        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-6))));
    }

    [Fact]
    public void A_filter_limited_to_a_subject_does_not_apply_to_other_subjects()
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne)),
            [Advisor("x", "a", filters: new RoutingFilter { Subjects = [Treasury], MinYears = 6 })]));
        var young = Company(created: Today.AddYears(-1));

        Assert.Empty(Route(directory, Penne, young, Treasury));
        Assert.Equal(["x"], Route(directory, Penne, young, Hiring));
    }

    [Fact]
    public void Unknown_company_data_fails_a_filter_that_needs_it_but_not_the_others()
    {
        var ageFilter = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MinYears = 1 }), [Advisor("x", "a")]));
        var communeFilter = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { ExcludedCommunes = ["47001"] }), [Advisor("x", "a")]));

        Assert.Empty(Route(ageFilter, Penne, company: null));
        Assert.Empty(Route(ageFilter, Penne, Company(created: null)));
        Assert.Equal(["x"], Route(communeFilter, Penne, company: null));
    }

    [Theory]
    [InlineData("11", 10, null, true)] // 10–19 employees, at least 10
    [InlineData("03", 10, null, false)] // 6–9
    [InlineData("12", null, 49, true)] // 20–49, at most 49
    [InlineData("21", null, 49, false)] // 50–99
    [InlineData("11", 15, null, false)] // 10–19 does not prove "at least 15"
    [InlineData(null, 10, null, false)] // unknown
    [InlineData("NN", null, 49, false)] // unknown
    public void Headcount_bounds_are_checked_against_the_whole_insee_bracket(string? bracket, int? min, int? max, bool kept)
    {
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MinHeadcount = min, MaxHeadcount = max }), [Advisor("x", "a")]));

        Assert.Equal(kept, Route(directory, Penne, Company(created: Today.AddYears(-3), bracket: bracket)).Length == 1);
    }

    [Theory]
    [InlineData("43.22A", new[] { "41", "42", "43" }, null, true)]
    [InlineData("62.01Z", new[] { "41", "42", "43" }, null, false)]
    [InlineData("56.10A", new[] { "56.10" }, null, true)]
    [InlineData("56.10A", null, new[] { "5610" }, false)]
    [InlineData("62.01Z", null, new[] { "56" }, true)]
    [InlineData(null, new[] { "62" }, null, false)]
    [InlineData(null, null, new[] { "62" }, false)]
    public void Naf_codes_match_by_prefix_with_or_without_the_dot(string? naf, string[]? accepted, string[]? excluded, bool kept)
    {
        var filter = new RoutingFilter { AcceptedNaf = accepted?.ToList(), ExcludedNaf = excluded?.ToList() };
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: filter), [Advisor("x", "a")]));

        Assert.Equal(kept, Route(directory, Penne, Company(naf: naf)).Length == 1);
    }

    [Theory]
    [InlineData("5499", new[] { "54", "55" }, null, true)]
    [InlineData("1000", new[] { "54", "55" }, null, false)]
    [InlineData("1000", null, new[] { "1" }, false)]
    [InlineData("5710", null, new[] { "1" }, true)]
    [InlineData(null, null, new[] { "1" }, false)]
    public void Legal_forms_match_by_prefix(string? legalForm, string[]? accepted, string[]? excluded, bool kept)
    {
        var filter = new RoutingFilter { AcceptedLegalForms = accepted?.ToList(), ExcludedLegalForms = excluded?.ToList() };
        var directory = With((Antenna("a", Departements(LotEtGaronne), filters: filter), [Advisor("x", "a")]));

        Assert.Equal(kept, Route(directory, Penne, Company(legalForm: legalForm)).Length == 1);
    }

    [Fact]
    public void Excluded_communes_are_compared_after_resolving_arrondissements()
    {
        var directory = With((Antenna("a", Departements("69"), filters: new RoutingFilter { ExcludedCommunes = [Lyon3] }), [Advisor("x", "a")]));

        Assert.Empty(Route(directory, Lyon));
        Assert.Empty(Route(directory, "69381"));
        Assert.Equal(["x"], Route(directory, "69266")); // Villeurbanne
    }

    [Fact]
    public void Every_filter_of_the_three_levels_must_pass()
    {
        var directory = With([new RoutingFilter { MaxHeadcount = 249 }], null,
            (Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { ExcludedNaf = ["01"] }),
                [Advisor("x", "a", filters: new RoutingFilter { MinYears = 2 })]));

        Assert.Equal(["x"], Route(directory, Penne, Company(created: Today.AddYears(-3), bracket: "12", naf: "16.23Z")));
        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-3), bracket: "32", naf: "16.23Z")));
        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-3), bracket: "12", naf: "01.11Z")));
        Assert.Empty(Route(directory, Penne, Company(created: Today.AddYears(-1), bracket: "12", naf: "16.23Z")));
    }

    [Fact]
    public void Explain_gives_the_reason_of_each_advisor_left_out()
    {
        var directory = With([new RoutingFilter { Subjects = [Treasury], MinYears = 6 }], null,
            (Antenna("here", Departements(LotEtGaronne)), [Advisor("kept", "here", filters: []), Advisor("off", "here", active: false)]),
            (Antenna("there", Departements("33")), [Advisor("far", "there")]),
            (Antenna("n", level: AntennaLevel.National), [Advisor("specific", "n", territories: Regions("84"))]));
        var index = RoutingIndex.Build(directory, Territories);

        var old = index.Explain(new RoutingRequest(Treasury, Penne, Company(created: Today.AddYears(-7)), Today));
        var young = index.Explain(new RoutingRequest(Treasury, Penne, Company(created: Today.AddYears(-1)), Today));

        Assert.Equal(["kept"], old.Kept.Select(a => a.AdvisorId));
        Assert.Equal(["off:inactive", "far:territory", "specific:territory"], old.LeftOut.Select(a => $"{a.AdvisorId}:{a.Rule}"));
        Assert.Contains("Antenne there ne couvre pas Penne-d'Agenais (47203)", old.LeftOut[1].Reason, StringComparison.Ordinal);
        Assert.Contains("territoires spécifiques", old.LeftOut[2].Reason, StringComparison.Ordinal);
        Assert.Empty(young.Kept);
        var filtered = Assert.Single(young.LeftOut, a => a.Rule == "filter");
        Assert.Equal("kept", filtered.AdvisorId);
        Assert.Equal("Filtre de l'institution Chambre test (âge minimum 6 ans : l'entreprise a 1 an)", filtered.Reason);
    }

    [Fact]
    public void Explain_agrees_with_route()
    {
        var directory = With(
            (Antenna("a", Departements(LotEtGaronne), filters: new RoutingFilter { MinYears = 3 }), [Advisor("x", "a"), Advisor("y", "a", territories: Communes("47001"))]),
            (Antenna("n", level: AntennaLevel.National), [Advisor("z", "n", filters: new RoutingFilter { AcceptedNaf = ["16"] })]));
        var index = RoutingIndex.Build(directory, Territories);
        var request = new RoutingRequest(Treasury, Penne, Company(created: Today.AddYears(-4), naf: "16.23Z"), Today);

        Assert.Equal(index.Route(request).Select(a => a.AdvisorId), index.Explain(request).Kept.Select(a => a.AdvisorId));
        Assert.Equal(["x", "z"], index.Route(request).Select(a => a.AdvisorId));
    }

    [Fact]
    public void Explain_for_an_unknown_commune_says_so()
    {
        var index = RoutingIndex.Build(With((Antenna("n", level: AntennaLevel.National), [Advisor("x", "n")])), Territories);

        var explanation = index.Explain(new RoutingRequest(Treasury, "99999", null, Today));

        var leftOut = Assert.Single(explanation.LeftOut);
        Assert.Equal("commune", leftOut.Rule);
        Assert.Contains("99999", leftOut.Reason, StringComparison.Ordinal);
    }
}
