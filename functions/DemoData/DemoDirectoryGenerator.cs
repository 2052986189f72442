using System.Globalization;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using S = ConseillersEntreprises.DemoData.SubjectIds;

namespace ConseillersEntreprises.DemoData;

/// <summary>The two demo directories used by the app (demo mode) and the benchmarks.</summary>
public static class DemoDirectory
{
    public static DirectoryDocument Default(TerritoryIndex territories) => DemoDirectoryGenerator.Generate(territories, 2000, 42);

    public static DirectoryDocument Benchmark(TerritoryIndex territories) => DemoDirectoryGenerator.Generate(territories, 10000, 42);
}

/// <summary>
/// Builds a realistic, fictional directory: the real kinds of partner institutions with their subject catalogues,
/// antennas covering every département with real territory codes, and advisors with fictional names and addresses on
/// <c>.demo.conseillers-entreprises.fr</c> sub-domains. Deterministic: the same index, count and seed always give the
/// same document (no clock, no GUID, one seeded <see cref="Random"/> consumed in a fixed order).
/// </summary>
public static class DemoDirectoryGenerator
{
    /// <summary>Every email address of the demo directory ends with this domain.</summary>
    public const string DomainSuffix = "demo.conseillers-entreprises.fr";

    /// <summary>Share of advisors with specific territories (replacing their antenna's).</summary>
    public const double SpecificTerritoriesShare = 0.05;

    /// <summary>Share of advisors who left (inactive, kept for history).</summary>
    public const double InactiveShare = 0.02;

    /// <summary>Share of person advisors with their own routing filter.</summary>
    public const double AdvisorFilterShare = 0.03;

    /// <summary>
    /// Generates the demo directory with exactly <paramref name="advisorCount"/> advisors (persons and team mailboxes).
    /// </summary>
    public static DirectoryDocument Generate(TerritoryIndex territories, int advisorCount = 2000, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentOutOfRangeException.ThrowIfNegative(advisorCount);
        var builder = new Builder(new DemoGeography(territories), seed);
        builder.PlanInstitutions();
        builder.CreateAdvisors(advisorCount);
        return builder.ToDocument();
    }

    // Départements weighted by economic size (number of companies): advisors are spread accordingly.
    private static readonly HashSet<string> LargeDepartements = new(StringComparer.Ordinal)
    {
        "06", "13", "31", "33", "34", "38", "44", "59", "62", "67", "69", "76", "77", "78", "91", "92", "93", "94", "95",
    };

    private static readonly HashSet<string> MediumDepartements = new(StringComparer.Ordinal)
    {
        "01", "29", "30", "35", "37", "45", "49", "54", "56", "57", "60", "63", "64", "68", "74", "83", "84", "85", "974",
    };

    /// <summary>Départements whose CCI is split in several local antennas, by EPCI. The last group takes every other EPCI.</summary>
    private static readonly (string Departement, (string Slug, string Label, string PoleCommune)[] Groups)[] CciSplits =
    [
        ("13", [("aix-marseille-provence", "Aix-Marseille-Provence", "13055"), ("pays-d-arles", "Pays d'Arles", "13004")]),
        ("17", [("la-rochelle", "La Rochelle", "17300"), ("rochefort-saintonge", "Rochefort et Saintonge", "17299")]),
        ("31", [("toulouse-metropole", "Toulouse Métropole", "31555"), ("comminges-lauragais", "Comminges et Lauragais", "31483")]),
        ("38", [("grenoble", "Grenoble", "38185"), ("nord-isere", "Nord-Isère", "38053")]),
        ("59", [("grand-lille", "Grand Lille", "59350"), ("grand-hainaut", "Grand Hainaut", "59606")]),
        ("62", [("littoral-hauts-de-france", "Littoral Hauts-de-France", "62160"), ("artois", "Artois", "62041")]),
        ("64", [("bayonne-pays-basque", "Bayonne Pays basque", "64102"), ("pau-bearn", "Pau Béarn", "64445")]),
        ("69", [("lyon-metropole", "Lyon Métropole", "69123"), ("beaujolais", "Beaujolais", "69264")]),
        ("76", [("rouen-metropole", "Rouen Métropole", "76540"), ("seine-estuaire", "Seine Estuaire", "76351"), ("littoral-normand-picard", "Littoral normand-picard", "76217")]),
    ];

    /// <summary>Départements where a metropolitan Initiative platform exists beside the départemental one.</summary>
    private static readonly string[] InitiativeMetropoles = ["13", "31", "69"];

    /// <summary>Water agencies by river basin, approximated by whole départements.</summary>
    private static readonly (string Slug, string Name, string Region, string[] Departements)[] WaterAgencies =
    [
        ("artois-picardie", "Artois-Picardie", "32", ["59", "62", "80"]),
        ("rhin-meuse", "Rhin-Meuse", "44", ["54", "55", "57", "67", "68", "88"]),
        ("seine-normandie", "Seine-Normandie", "11",
            ["02", "08", "10", "14", "27", "50", "51", "52", "60", "61", "75", "76", "77", "78", "89", "91", "92", "93", "94", "95"]),
        ("loire-bretagne", "Loire-Bretagne", "24",
            ["03", "18", "22", "23", "28", "29", "35", "36", "37", "41", "43", "44", "45", "49", "53", "56", "58", "63", "72", "79", "85", "86", "87"]),
        ("adour-garonne", "Adour-Garonne", "76",
            ["09", "12", "15", "16", "17", "19", "24", "31", "32", "33", "40", "46", "47", "64", "65", "81", "82"]),
        ("rhone-mediterranee-corse", "Rhône Méditerranée Corse", "84",
            ["01", "04", "05", "06", "07", "11", "13", "21", "25", "26", "30", "34", "38", "39", "42", "48", "66", "69", "70", "71", "73", "74", "83", "84", "90", "2A", "2B"]),
    ];

    /// <summary>Île-de-France départements served by the regional Chambre d'agriculture.</summary>
    private static readonly HashSet<string> IleDeFranceDepartements = new(StringComparer.Ordinal) { "75", "77", "78", "91", "92", "93", "94", "95" };

    /// <summary>Régions whose aid to business takeovers requires a target company of 3 years or more (antenna filter).</summary>
    private static readonly HashSet<string> RegionsWithTakeoverAgeRule = new(StringComparer.Ordinal) { "28", "52", "53" };

    private static readonly (string Id, string Name, string[] Naf)[] Opcos =
    [
        ("opco-ep", "OPCO EP – Opérateur de compétences des entreprises de proximité", ["10.71", "68", "75", "86.2", "86.9", "95", "96"]),
        ("akto", "AKTO – Opérateur de compétences des services à forte intensité de main-d'œuvre", ["55", "56", "78", "80", "81"]),
        ("atlas", "Atlas – Opérateur de compétences des services financiers et du conseil", ["58", "62", "63", "64", "65", "66", "69", "70", "71", "72", "73", "74"]),
        ("constructys", "Constructys – Opérateur de compétences de la construction", ["41", "42", "43"]),
        ("ocapiat", "OCAPIAT – Opérateur de compétences de l'agriculture, de la pêche et de l'agroalimentaire", ["01", "02", "03", "10", "11"]),
        ("opco-2i", "OPCO 2i – Opérateur de compétences interindustriel",
            ["05", "06", "07", "08", "09", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33"]),
        ("opco-mobilites", "OPCO Mobilités", ["45", "49", "50", "51", "52", "53"]),
        ("opcommerce", "L'Opcommerce", ["46", "47"]),
    ];

    private static readonly Func<string, RoutingFilter>[] AdvisorFilterTemplates =
    [
        subject => new RoutingFilter { Subjects = [subject], MinYears = 6 },
        subject => new RoutingFilter { Subjects = [subject], MaxHeadcount = 49 },
        subject => new RoutingFilter { Subjects = [subject], MinHeadcount = 10 },
        subject => new RoutingFilter { Subjects = [subject], MaxYears = 3 },
        _ => new RoutingFilter { AcceptedNaf = ["47", "56"] },
        _ => new RoutingFilter { ExcludedNaf = ["41", "42", "43"] },
    ];

    private static double DepartementFactor(string departement) =>
        departement == "75" ? 3.0 : LargeDepartements.Contains(departement) ? 2.5 : MediumDepartements.Contains(departement) ? 1.5 : 1.0;

    private sealed class InstitutionSpec
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required List<string> Subjects { get; init; }
        public List<RoutingFilter> Filters { get; init; } = [];
        /// <summary>Relative number of advisors per antenna.</summary>
        public double Weight { get; init; } = 1;
        /// <summary>Team mailbox name prefix ("Pôle entreprises" gives "Pôle entreprises CCI Lot-et-Garonne").</summary>
        public string TeamLabel { get; init; } = "Accueil entreprises";
        /// <summary>Subjects of the team mailbox; null for the whole catalogue of the antenna.</summary>
        public List<string>? TeamSubjects { get; init; }
        /// <summary>Probability that an antenna of several advisors has a team mailbox.</summary>
        public double TeamShare { get; init; } = 0.1;
    }

    /// <summary>Codes an advisor of the antenna may get as specific territories.</summary>
    private sealed record TerritoryPool(IReadOnlyList<string> Epcis, IReadOnlyList<string> Communes, IReadOnlyList<string> Departements)
    {
        public static TerritoryPool None { get; } = new([], [], []);
    }

    private sealed class AntennaPlan
    {
        public required Antenna Antenna { get; init; }
        public required InstitutionSpec Institution { get; init; }
        public required double Weight { get; init; }
        /// <summary>Région code for phone numbers; null for national antennas.</summary>
        public string? Region { get; init; }
        /// <summary>The antenna's own part of the institution catalogue; null for all of it.</summary>
        public List<string>? Subjects { get; init; }
        public TerritoryPool Pool { get; init; } = TerritoryPool.None;
        public required string Domain { get; init; }
    }

    private sealed class Builder(DemoGeography geography, int seed)
    {
        // One seeded generator, consumed in a fixed order: the output is reproducible.
        private readonly Random _random = new(seed);
        private readonly List<InstitutionSpec> _institutions = [];
        private readonly List<AntennaPlan> _antennas = [];
        private readonly List<Advisor> _advisors = [];
        private readonly List<bool> _isPerson = [];
        private readonly List<int> _antennaOfAdvisor = [];
        private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (List<string> Epcis, List<string> Communes, string Label)> _metropoles = new(StringComparer.Ordinal);

        public DirectoryDocument ToDocument() => new()
        {
            Themes = Catalogue.CreateThemes(),
            Institutions =
            [
                .. _institutions.Select(i => new Institution { Id = i.Id, Name = i.Name, Subjects = [.. i.Subjects], Filters = [.. i.Filters] }),
            ],
            Antennas = [.. _antennas.Select(a => a.Antenna)],
            Advisors = _advisors,
        };

        // ---------------------------------------------------------------- institutions and antennas

        public void PlanInstitutions()
        {
            PlanCci();
            PlanCma();
            PlanPerDepartement(
                Institution("urssaf", "Urssaf",
                    [S.DettesFiscalesSociales, S.DifficultesTresorerie, S.AnticiperDifficultes, S.Recruter],
                    weight: 1.5, teamLabel: "Accompagnement des entreprises", teamShare: 0.6),
                "urssaf", d => $"Urssaf {geography.DepartementName(d)}");
            PlanPerDepartement(
                Institution("banque-de-france", "Banque de France",
                    [S.DiagnosticFinancier, S.DifficultesTresorerie, S.AnticiperDifficultes, S.PretGarantieBancaire],
                    filters: [new RoutingFilter { Subjects = [S.DiagnosticFinancier], ExcludedLegalForms = ["1"] }],
                    weight: 1, teamLabel: "Correspondant TPE", teamShare: 0.5),
                "banque-de-france", d => $"Banque de France {geography.DepartementName(d)}");
            PlanPerDepartement(
                Institution("dgfip", "DGFiP – Direction générale des Finances publiques",
                    [S.DettesFiscalesSociales, S.Fiscalite, S.CreditImpotInnovation, S.AnticiperDifficultes, S.DifficultesTresorerie],
                    weight: 1.5, teamLabel: "Secrétariat de la CCSF", teamSubjects: [S.DettesFiscalesSociales, S.DifficultesTresorerie], teamShare: 0.6),
                "ddfip", d => $"DDFiP {geography.DepartementName(d)}");
            PlanBpifrance();
            PlanPerDepartement(
                Institution("france-travail", "France Travail",
                    [S.Recruter, S.FormerSalaries, S.Apprentissage],
                    weight: 2, teamLabel: "Service entreprises", teamShare: 0.4),
                "france-travail", d => $"France Travail {geography.DepartementName(d)}");
            PlanOpcos();
            PlanRegions();
            PlanPerRegion(
                Institution("ademe", "ADEME – Agence de la transition écologique",
                    [S.ReduireConsommationEnergie, S.GererDechets, S.MobiliteDurable, S.DemarcheRse, S.RenoverLocaux],
                    weight: 2, teamLabel: "Accueil entreprises"),
                "ademe", r => $"ADEME – direction régionale {geography.RegionName(r)}");
            PlanPerRegion(
                Institution("dreets", "DREETS – Directions régionales de l'économie, de l'emploi, du travail et des solidarités",
                    [S.ActivitePartielle, S.SanteSecuriteTravail, S.DroitDuTravail, S.GestionRh, S.Recruter],
                    filters: [new RoutingFilter { Subjects = [S.ActivitePartielle], MinHeadcount = 1 }],
                    weight: 2, teamLabel: "Service activité partielle", teamSubjects: [S.ActivitePartielle], teamShare: 0.4),
                "dreets", r => $"DREETS {geography.RegionName(r)}");
            PlanInitiative();
            PlanReseauEntreprendre();
            PlanPerRegion(
                Institution("bge", "BGE – Réseau d'appui aux entrepreneurs",
                    [S.FinancerCreation, S.DevelopperJeuneEntreprise, S.ChoisirStatut, S.TrouverClients],
                    filters: [new RoutingFilter { Subjects = [S.DevelopperJeuneEntreprise], MaxYears = 3 }],
                    weight: 2),
                "bge", r => $"BGE {geography.RegionName(r)}");
            PlanChambreAgriculture();
            PlanWaterAgencies();
            PlanNational(
                Institution("inpi", "INPI – Institut national de la propriété industrielle", [S.ProtegerInnovation],
                    weight: 6, teamLabel: "Accueil", teamShare: 0.8),
                "inpi-entreprises", "INPI Entreprises");
            PlanPerRegion(
                Institution("team-france-export", "Team France Export (CCI International)", [S.Export], weight: 3, teamLabel: "Accueil export"),
                "team-france-export", r => $"Team France Export {geography.RegionName(r)}");
            PlanPerRegion(
                Institution("mediation-credit", "Médiation du crédit aux entreprises",
                    [S.MediationCredit, S.DifficultesTresorerie],
                    weight: 0.5, teamLabel: "Secrétariat", teamShare: 0.5),
                "mediation-credit", r => $"Médiation du crédit {geography.RegionName(r)}");
            PlanPerRegion(
                Institution("crp", "CRP – Commissaires aux restructurations et à la prévention des difficultés des entreprises",
                    [S.AnticiperDifficultes, S.Restructuration],
                    filters: [new RoutingFilter { Subjects = [S.AnticiperDifficultes, S.Restructuration], MinHeadcount = 50 }],
                    weight: 0.5, teamLabel: "Secrétariat", teamShare: 0.3),
                "crp", r => $"CRP {geography.RegionName(r)}");
            PlanPerRegion(
                Institution("apec", "Apec – Association pour l'emploi des cadres", [S.Recruter, S.GestionRh], weight: 1.5, teamLabel: "Service recrutement"),
                "apec", r => $"Apec {geography.RegionName(r)}", metropolitanOnly: true);
        }

        private InstitutionSpec Institution(
            string id, string name, List<string> subjects, List<RoutingFilter>? filters = null, double weight = 1,
            string teamLabel = "Accueil entreprises", List<string>? teamSubjects = null, double teamShare = 0.1)
        {
            var spec = new InstitutionSpec
            {
                Id = id,
                Name = name,
                Subjects = subjects,
                Filters = filters ?? [],
                Weight = weight,
                TeamLabel = teamLabel,
                TeamSubjects = teamSubjects,
                TeamShare = teamShare,
            };
            _institutions.Add(spec);
            return spec;
        }

        private void PlanCci()
        {
            var cci = Institution("cci", "CCI – Chambres de commerce et d'industrie",
                [
                    S.DifficultesTresorerie, S.FinancerInvestissement, S.PretGarantieBancaire,
                    S.Recruter, S.Apprentissage, S.FormerSalaries,
                    S.ReduireConsommationEnergie, S.GererDechets, S.MobiliteDurable, S.DemarcheRse,
                    S.Export, S.TrouverClients, S.MarchesPublics, S.VenteEnLigne,
                    S.DevelopperJeuneEntreprise, S.ReprendreEntreprise, S.CederTransmettre,
                    S.AnticiperDifficultes,
                    S.TrouverLocal, S.RenoverLocaux, S.Accessibilite,
                    S.ChoisirStatut, S.ObligationsReglementaires,
                    S.NumeriserActivite, S.VisibiliteEnLigne, S.Cybersecurite, S.Rgpd,
                ],
                weight: 4, teamLabel: "Pôle entreprises", teamShare: 0.3);
            var splits = CciSplits.ToDictionary(s => s.Departement, s => s.Groups, StringComparer.Ordinal);
            foreach (var departement in geography.Departements)
            {
                var region = geography.RegionOf(departement);
                var factor = DepartementFactor(departement);
                if (splits.TryGetValue(departement, out var groups) && SplitByEpci(departement, groups) is { } parts)
                {
                    _metropoles[departement] = (parts[0].Epcis, parts[0].Communes, groups[0].Label);
                    for (var g = 0; g < groups.Length; g++)
                    {
                        var (epcis, communes) = parts[g];
                        AddAntenna(cci, $"cci-{Code(departement)}-{groups[g].Slug}", $"CCI {groups[g].Label}", AntennaLevel.Local,
                            new Territories { Epcis = [.. epcis], Communes = [.. communes] },
                            factor * 0.6, region,
                            pool: new TerritoryPool(epcis, CommunesOf(epcis, communes), []));
                    }
                }
                else
                {
                    AddDepartementAntenna(cci, $"cci-{Code(departement)}", $"CCI {geography.DepartementName(departement)}", departement);
                }
            }
        }

        /// <summary>
        /// Splits a département between groups: each group gets the EPCI of its pole commune, the last group every
        /// other EPCI and the communes outside any EPCI. An EPCI reaching over another département is given as its
        /// communes of this département. Null when the data does not allow the split (the département then stays whole).
        /// </summary>
        private List<(List<string> Epcis, List<string> Communes)>? SplitByEpci(string departement, (string Slug, string Label, string PoleCommune)[] groups)
        {
            var poles = new List<string>();
            foreach (var group in groups)
            {
                var commune = geography.FindCommune(group.PoleCommune);
                if (commune?.EpciCode is not { } epci || commune.DepartementCode != departement || poles.Contains(epci))
                {
                    return null;
                }

                poles.Add(epci);
            }

            var parts = groups.Select(_ => (Epcis: new List<string>(), Communes: new List<string>())).ToList();
            foreach (var commune in geography.CommunesOfDepartement(departement).OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                var pole = commune.EpciCode is { } code ? poles.IndexOf(code) : -1;
                var part = parts[pole >= 0 ? pole : parts.Count - 1];
                if (commune.EpciCode is not { } epci || !geography.IsInside(epci, departement))
                {
                    part.Communes.Add(commune.Code);
                }
                else if (!part.Epcis.Contains(epci))
                {
                    part.Epcis.Add(epci);
                }
            }

            foreach (var part in parts)
            {
                part.Epcis.Sort(StringComparer.Ordinal);
            }

            return parts;
        }

        /// <summary>Commune codes covered by EPCIs (all inside one département) and communes, sorted.</summary>
        private List<string> CommunesOf(IEnumerable<string> epcis, IEnumerable<string> communes) =>
            [.. epcis.SelectMany(geography.CommunesOfEpci).Select(c => c.Code).Concat(communes).Order(StringComparer.Ordinal)];

        private void PlanCma()
        {
            var cma = Institution("cma", "CMA – Chambres de métiers et de l'artisanat",
                [
                    S.DifficultesTresorerie, S.FinancerInvestissement,
                    S.Recruter, S.Apprentissage, S.FormerSalaries,
                    S.ReduireConsommationEnergie, S.GererDechets,
                    S.TrouverClients, S.MarchesPublics, S.VenteEnLigne,
                    S.DevelopperJeuneEntreprise, S.ReprendreEntreprise, S.CederTransmettre,
                    S.AnticiperDifficultes,
                    S.TrouverLocal, S.Accessibilite,
                    S.ChoisirStatut, S.ObligationsReglementaires,
                    S.NumeriserActivite, S.VisibiliteEnLigne, S.Cybersecurite,
                ],
                filters: [new RoutingFilter { MaxHeadcount = 249 }],
                weight: 3, teamLabel: "Service développement économique", teamShare: 0.3);
            foreach (var departement in geography.Departements)
            {
                AddDepartementAntenna(cma, $"cma-{Code(departement)}", $"CMA {geography.DepartementName(departement)}", departement);
            }

            // Regional directions (only where the région has several départements): larger craft companies.
            foreach (var region in geography.Regions.Where(r => geography.DepartementsOfRegion(r).Count > 1))
            {
                AddRegionAntenna(cma, $"cma-{RegionSlug(region)}", $"CMA {geography.RegionName(region)} – direction régionale", region, 1,
                    filters: [new RoutingFilter { MinHeadcount = 10 }],
                    subjects: [S.FinancerInvestissement, S.ReprendreEntreprise, S.CederTransmettre, S.FormerSalaries, S.MarchesPublics, S.ReduireConsommationEnergie]);
            }
        }

        private void PlanBpifrance()
        {
            var bpifrance = Institution("bpifrance", "Bpifrance",
                [S.FinancerInvestissement, S.PretGarantieBancaire, S.DifficultesTresorerie, S.FinancerInnovation, S.Export, S.FinancerCreation, S.ReprendreEntreprise],
                filters: [new RoutingFilter { ExcludedNaf = ["64", "65", "66", "68.20"] }],
                weight: 3, teamLabel: "Accueil entreprises");
            PlanPerRegion(bpifrance, "bpifrance", r => $"Bpifrance – direction régionale {geography.RegionName(r)}");
            AddAntenna(bpifrance, "bpifrance-national", "Bpifrance – accompagnement national des PME en croissance", AntennaLevel.National,
                new Territories(), 3, region: null,
                filters: [new RoutingFilter { MinHeadcount = 50 }],
                subjects: [S.FinancerInnovation, S.Export, S.FinancerInvestissement]);
        }

        private void PlanOpcos()
        {
            foreach (var (id, name, naf) in Opcos)
            {
                var opco = Institution(id, name, [S.FormerSalaries, S.Apprentissage, S.GestionRh],
                    filters: [new RoutingFilter { AcceptedNaf = [.. naf] }],
                    weight: 1.5, teamLabel: "Service aux entreprises");
                var shortName = name.Split(" – ")[0];
                PlanPerRegion(opco, id, r => $"{shortName} {geography.RegionName(r)}", metropolitanOnly: true);
                var overseas = geography.Regions.Where(DemoGeography.IsOverseasRegion).ToList();
                if (overseas.Count > 0)
                {
                    AddAntenna(opco, $"{id}-outre-mer", $"{shortName} Outre-mer", AntennaLevel.Regional,
                        new Territories { Regions = overseas }, 1, overseas[0],
                        pool: new TerritoryPool([], [], [.. overseas.SelectMany(geography.DepartementsOfRegion)]));
                }
            }
        }

        private void PlanRegions()
        {
            foreach (var region in geography.Regions)
            {
                var regionName = geography.RegionName(region);
                var institutionName = region switch
                {
                    "94" => "Collectivité de Corse",
                    "02" => "Collectivité territoriale de Martinique",
                    "03" => "Collectivité territoriale de Guyane",
                    "06" => "Département de Mayotte",
                    "04" => "Région Réunion",
                    _ => $"Région {regionName}",
                };
                var spec = Institution($"region-{RegionSlug(region)}", institutionName,
                    [
                        S.FinancerInvestissement, S.DifficultesTresorerie, S.FinancerInnovation, S.PartenariatRecherche, S.Export,
                        S.ReprendreEntreprise, S.FormerSalaries, S.ReduireConsommationEnergie, S.TrouverLocal,
                    ],
                    filters: [new RoutingFilter { Subjects = [S.FinancerInvestissement, S.FinancerInnovation], MaxHeadcount = 249 }],
                    weight: 4, teamLabel: "Guichet entreprises", teamShare: 0.3);
                List<RoutingFilter> antennaFilters = RegionsWithTakeoverAgeRule.Contains(region)
                    ? [new RoutingFilter { Subjects = [S.ReprendreEntreprise], MinYears = 3 }]
                    : [];
                AddRegionAntenna(spec, $"region-{RegionSlug(region)}-economie", $"{institutionName} – développement économique", region, 1, filters: antennaFilters);
            }
        }

        private void PlanInitiative()
        {
            var initiative = Institution("initiative-france", "Initiative France",
                [S.FinancerCreation, S.DevelopperJeuneEntreprise, S.ReprendreEntreprise, S.FinancerInvestissement],
                filters: [new RoutingFilter { Subjects = [S.FinancerCreation, S.DevelopperJeuneEntreprise, S.FinancerInvestissement], MaxYears = 5 }],
                weight: 1, teamLabel: "Plateforme");
            foreach (var departement in geography.Departements)
            {
                var name = geography.DepartementName(departement);
                if (InitiativeMetropoles.Contains(departement) && _metropoles.TryGetValue(departement, out var metropole))
                {
                    // The metropolitan platform covers the metropolis; the départemental one the rest of the département.
                    var metropoleCommunes = CommunesOf(metropole.Epcis, metropole.Communes);
                    AddAntenna(initiative, $"initiative-{Code(departement)}-{DemoGeography.Slug(metropole.Label)}", $"Initiative {metropole.Label}", AntennaLevel.Local,
                        new Territories { Epcis = [.. metropole.Epcis], Communes = [.. metropole.Communes] }, DepartementFactor(departement) * 0.6,
                        geography.RegionOf(departement), pool: new TerritoryPool(metropole.Epcis, metropoleCommunes, []));
                    AddDepartementAntenna(initiative, $"initiative-{Code(departement)}", $"Initiative {name}", departement,
                        filters: [new RoutingFilter { ExcludedCommunes = metropoleCommunes }]);
                }
                else
                {
                    AddDepartementAntenna(initiative, $"initiative-{Code(departement)}", $"Initiative {name}", departement);
                }
            }
        }

        private void PlanReseauEntreprendre()
        {
            var reseau = Institution("reseau-entreprendre", "Réseau Entreprendre",
                [S.FinancerCreation, S.DevelopperJeuneEntreprise, S.ReprendreEntreprise],
                filters:
                [
                    new RoutingFilter { Subjects = [S.FinancerCreation, S.DevelopperJeuneEntreprise], MaxYears = 5 },
                    new RoutingFilter { Subjects = [S.FinancerCreation], AcceptedLegalForms = ["54", "55", "56", "57"] },
                ],
                weight: 1, teamLabel: "Accueil des porteurs de projet");

            // Local associations covering one or two départements of the same région.
            foreach (var region in geography.Regions)
            {
                var departements = geography.DepartementsOfRegion(region);
                for (var i = 0; i < departements.Count; i += 2)
                {
                    var covered = departements.Skip(i).Take(2).ToList();
                    var name = string.Join(" – ", covered.Select(geography.DepartementName));
                    AddAntenna(reseau, $"reseau-entreprendre-{string.Join("-", covered.Select(Code))}", $"Réseau Entreprendre {name}", AntennaLevel.Local,
                        new Territories { Departements = covered }, covered.Sum(DepartementFactor) / covered.Count, region,
                        pool: new TerritoryPool(
                            [.. covered.SelectMany(geography.EpcisInside)],
                            [.. covered.SelectMany(geography.CommuneCodes)],
                            covered.Count > 1 ? covered : []));
                }
            }
        }

        private void PlanChambreAgriculture()
        {
            var chambre = Institution("chambre-agriculture", "Chambres d'agriculture",
                [
                    S.FinancerInvestissement, S.ReprendreEntreprise, S.CederTransmettre, S.ReduireConsommationEnergie, S.EconomiserEau,
                    S.GererDechets, S.ObligationsReglementaires, S.Recruter,
                ],
                filters: [new RoutingFilter { AcceptedNaf = ["01", "02", "03"] }],
                weight: 1.5, teamLabel: "Accueil installation et transmission", teamSubjects: [S.ReprendreEntreprise, S.CederTransmettre]);
            foreach (var departement in geography.Departements.Where(d => !IleDeFranceDepartements.Contains(d)))
            {
                AddDepartementAntenna(chambre, $"chambre-agriculture-{Code(departement)}", $"Chambre d'agriculture {geography.DepartementName(departement)}", departement);
            }

            if (geography.Regions.Contains("11"))
            {
                AddRegionAntenna(chambre, "chambre-agriculture-ile-de-france", $"Chambre d'agriculture de région {geography.RegionName("11")}", "11", 1);
            }
        }

        private void PlanWaterAgencies()
        {
            var agence = Institution("agence-eau", "Agences de l'eau", [S.EconomiserEau, S.GererDechets], weight: 2, teamLabel: "Service aides aux entreprises");
            foreach (var (slug, name, region, departements) in WaterAgencies)
            {
                var covered = departements.Where(geography.Departements.Contains).ToList();
                if (covered.Count == 0)
                {
                    continue;
                }

                AddAntenna(agence, $"agence-eau-{slug}", $"Agence de l'eau {name}", AntennaLevel.Regional,
                    new Territories { Departements = covered }, 3, region,
                    pool: new TerritoryPool([], [], covered));
            }
        }

        private void PlanPerDepartement(InstitutionSpec spec, string idPrefix, Func<string, string> name)
        {
            foreach (var departement in geography.Departements)
            {
                AddDepartementAntenna(spec, $"{idPrefix}-{Code(departement)}", name(departement), departement);
            }
        }

        private void PlanPerRegion(InstitutionSpec spec, string idPrefix, Func<string, string> name, bool metropolitanOnly = false)
        {
            foreach (var region in geography.Regions.Where(r => !metropolitanOnly || !DemoGeography.IsOverseasRegion(r)))
            {
                AddRegionAntenna(spec, $"{idPrefix}-{RegionSlug(region)}", name(region), region, 1);
            }
        }

        private void PlanNational(InstitutionSpec spec, string id, string name) =>
            AddAntenna(spec, id, name, AntennaLevel.National, new Territories(), 1, region: null);

        private void AddDepartementAntenna(InstitutionSpec spec, string id, string name, string departement, List<RoutingFilter>? filters = null) =>
            AddAntenna(spec, id, name, AntennaLevel.Local, new Territories { Departements = [departement] },
                DepartementFactor(departement), geography.RegionOf(departement), filters,
                pool: new TerritoryPool(geography.EpcisInside(departement), geography.CommuneCodes(departement), []));

        private void AddRegionAntenna(InstitutionSpec spec, string id, string name, string region, double factor,
            List<RoutingFilter>? filters = null, List<string>? subjects = null)
        {
            var departements = geography.DepartementsOfRegion(region);
            var regionFactor = Math.Clamp(departements.Sum(DepartementFactor) / 6.0, 0.6, 3.0);
            AddAntenna(spec, id, name, AntennaLevel.Regional, new Territories { Regions = [region] }, factor * regionFactor, region, filters, subjects,
                new TerritoryPool([], [], departements.Count > 1 ? departements : []));
        }

        private void AddAntenna(InstitutionSpec spec, string id, string name, AntennaLevel level, Territories territories, double factor,
            string? region, List<RoutingFilter>? filters = null, List<string>? subjects = null, TerritoryPool? pool = null)
        {
            var domain = $"{Truncate(id, 63)}.{DomainSuffix}";
            var managers = new List<Manager>();
            var managerCount = _random.NextDouble() < 0.3 ? 2 : 1;
            for (var m = 0; m < managerCount; m++)
            {
                var (first, last) = PersonName();
                managers.Add(new Manager { Name = $"{first} {last}", Email = UniqueEmail(PersonLocalPart(first, last), domain) });
            }

            _antennas.Add(new AntennaPlan
            {
                Antenna = new Antenna
                {
                    Id = id,
                    InstitutionId = spec.Id,
                    Name = name,
                    Level = level,
                    Territories = territories,
                    Managers = managers,
                    Filters = filters ?? [],
                },
                Institution = spec,
                Weight = spec.Weight * factor,
                Region = region,
                Subjects = subjects,
                Pool = pool ?? TerritoryPool.None,
                Domain = domain,
            });
        }

        // ---------------------------------------------------------------- advisors

        public void CreateAdvisors(int advisorCount)
        {
            var counts = Allocate(advisorCount);
            for (var a = 0; a < _antennas.Count; a++)
            {
                CreateAntennaAdvisors(a, counts[a]);
            }

            // Exact shares, chosen at random among the advisors they make sense for.
            var people = Enumerable.Range(0, _advisors.Count).Where(i => _isPerson[i]).ToList();
            var withPool = people.Where(i => HasPool(_antennas[AntennaIndex(i)].Pool)).ToList();
            foreach (var i in Pick(withPool, (int)Math.Round(advisorCount * SpecificTerritoriesShare)))
            {
                _advisors[i] = _advisors[i] with { Territories = SpecificTerritories(_antennas[AntennaIndex(i)].Pool) };
            }

            foreach (var i in Pick(people, (int)Math.Round(people.Count * AdvisorFilterShare)))
            {
                var advisor = _advisors[i];
                var subject = advisor.Subjects[_random.Next(advisor.Subjects.Count)];
                var filter = AdvisorFilterTemplates[_random.Next(AdvisorFilterTemplates.Length)](subject);
                _advisors[i] = advisor with { Filters = [filter] };
            }

            foreach (var i in Pick(Enumerable.Range(0, _advisors.Count).ToList(), (int)Math.Round(advisorCount * InactiveShare)))
            {
                _advisors[i] = _advisors[i] with { Active = false };
            }
        }

        private int AntennaIndex(int advisor) => _antennaOfAdvisor[advisor];

        /// <summary>Advisors per antenna: at least one each when there are enough, the rest in proportion to the weights.</summary>
        private int[] Allocate(int advisorCount)
        {
            var counts = new int[_antennas.Count];
            if (_antennas.Count == 0)
            {
                return counts;
            }

            var remaining = advisorCount;
            if (advisorCount >= _antennas.Count)
            {
                Array.Fill(counts, 1);
                remaining -= _antennas.Count;
            }

            var weights = _antennas.Select(a => a.Weight * (0.7 + (0.6 * _random.NextDouble()))).ToArray();
            var total = weights.Sum();
            var fractions = new (double Fraction, int Index)[counts.Length];
            var given = 0;
            for (var a = 0; a < counts.Length; a++)
            {
                var exact = weights[a] * remaining / total;
                var whole = (int)Math.Floor(exact);
                counts[a] += whole;
                given += whole;
                fractions[a] = (exact - whole, a);
            }

            foreach (var (_, index) in fractions.OrderByDescending(f => f.Fraction).ThenBy(f => f.Index).Take(remaining - given))
            {
                counts[index]++;
            }

            return counts;
        }

        private void CreateAntennaAdvisors(int antennaIndex, int count)
        {
            if (count == 0)
            {
                return;
            }

            var plan = _antennas[antennaIndex];
            var catalogue = plan.Subjects ?? plan.Institution.Subjects;
            var spec = plan.Institution;
            var hasTeam = count >= 2 ? _random.NextDouble() < spec.TeamShare : _random.NextDouble() < spec.TeamShare / 3;
            var number = 0;
            if (hasTeam)
            {
                var teamName = $"{spec.TeamLabel} {plan.Antenna.Name}";
                var teamSubjects = spec.TeamSubjects?.Where(catalogue.Contains).ToList() is { Count: > 0 } own ? own : catalogue;
                Add(new Advisor
                {
                    Id = AdvisorId(plan, ++number),
                    AntennaId = plan.Antenna.Id,
                    Name = teamName,
                    Email = UniqueEmail(DemoGeography.Slug(spec.TeamLabel), plan.Domain),
                    Phone = Phone(plan.Region, mobile: false),
                    Subjects = InCatalogueOrder(teamSubjects, catalogue),
                }, person: false);
            }

            var persons = count - (hasTeam ? 1 : 0);
            if (persons == 0)
            {
                return;
            }

            // Every subject of the antenna's catalogue goes to someone; each person also takes a few more.
            var shuffled = catalogue.ToArray();
            _random.Shuffle(shuffled);
            var extraProbability = persons <= 2 ? 0.5 : 0.2;
            for (var p = 0; p < persons; p++)
            {
                var subjects = new HashSet<string>(StringComparer.Ordinal);
                for (var s = p % shuffled.Length; s < shuffled.Length; s += persons)
                {
                    subjects.Add(shuffled[s]);
                }

                foreach (var subject in catalogue)
                {
                    if (_random.NextDouble() < extraProbability)
                    {
                        subjects.Add(subject);
                    }
                }

                if (subjects.Count == 0)
                {
                    subjects.Add(catalogue[_random.Next(catalogue.Count)]);
                }

                var (first, last) = PersonName();
                Add(new Advisor
                {
                    Id = AdvisorId(plan, ++number),
                    AntennaId = plan.Antenna.Id,
                    Name = $"{first} {last}",
                    Email = UniqueEmail(PersonLocalPart(first, last), plan.Domain),
                    Phone = _random.NextDouble() < 0.05 ? null : Phone(plan.Region, mobile: _random.NextDouble() < 0.3),
                    Subjects = InCatalogueOrder(subjects, catalogue),
                }, person: true);
            }

            void Add(Advisor advisor, bool person)
            {
                _advisors.Add(advisor);
                _isPerson.Add(person);
                _antennaOfAdvisor.Add(antennaIndex);
            }
        }

        private static string AdvisorId(AntennaPlan plan, int number) =>
            $"{plan.Antenna.Id}-{number.ToString("D3", CultureInfo.InvariantCulture)}";

        private static List<string> InCatalogueOrder(IEnumerable<string> subjects, IReadOnlyList<string> catalogue)
        {
            var set = subjects as ISet<string> ?? new HashSet<string>(subjects, StringComparer.Ordinal);
            return [.. catalogue.Where(set.Contains)];
        }

        private static bool HasPool(TerritoryPool pool) => pool.Departements.Count >= 2 || pool.Epcis.Count >= 2 || pool.Communes.Count >= 3;

        private Territories SpecificTerritories(TerritoryPool pool)
        {
            if (pool.Departements.Count >= 2)
            {
                return new Territories { Departements = PickCodes(pool.Departements, 1, 2) };
            }

            if (pool.Epcis.Count >= 2 && (pool.Communes.Count < 3 || _random.NextDouble() < 0.7))
            {
                return new Territories { Epcis = PickCodes(pool.Epcis, 1, 3) };
            }

            return new Territories { Communes = PickCodes(pool.Communes, 2, 6) };
        }

        /// <summary>Between min and max codes (never all of them), sorted.</summary>
        private List<string> PickCodes(IReadOnlyList<string> codes, int min, int max)
        {
            var upper = Math.Min(max, codes.Count - 1);
            var lower = Math.Min(min, upper);
            var count = _random.Next(lower, upper + 1);
            return [.. Pick(Enumerable.Range(0, codes.Count).ToList(), count).Select(i => codes[i]).Order(StringComparer.Ordinal)];
        }

        /// <summary>A random subset of <paramref name="count"/> items (partial Fisher-Yates), in the order drawn.</summary>
        private List<int> Pick(List<int> items, int count)
        {
            count = Math.Min(count, items.Count);
            var pool = items.ToArray();
            for (var i = 0; i < count; i++)
            {
                var j = _random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            return [.. pool.Take(count)];
        }

        // ---------------------------------------------------------------- people, emails, phones

        private (string First, string Last) PersonName() =>
            (FrenchNames.FirstNames[_random.Next(FrenchNames.FirstNames.Length)], FrenchNames.LastNames[_random.Next(FrenchNames.LastNames.Length)]);

        private static string PersonLocalPart(string first, string last) => $"{DemoGeography.Slug(first)}.{DemoGeography.Slug(last)}";

        private string UniqueEmail(string localPart, string domain)
        {
            var email = $"{localPart}@{domain}";
            for (var n = 2; !_emails.Add(email); n++)
            {
                email = $"{localPart}{n.ToString(CultureInfo.InvariantCulture)}@{domain}";
            }

            return email;
        }

        private const string MetropolitanThirdDigits = "12457";

        /// <summary>A French number written "0X XX XX XX XX" with the area prefix of the région.</summary>
        private string Phone(string? region, bool mobile)
        {
            var (landline, cell) = region switch
            {
                "01" => ("0590", "0690"),
                "02" => ("0596", "0696"),
                "03" => ("0594", "0694"),
                "04" => ("0262", "0692"),
                "06" => ("0269", "0639"),
                "11" or null => ("01", "06"),
                "24" or "28" or "52" or "53" => ("02", "06"),
                "27" or "32" or "44" => ("03", "06"),
                "75" or "76" => ("05", "06"),
                _ => ("04", "06"),
            };
            var prefix = mobile ? (cell == "06" && _random.NextDouble() < 0.4 ? "07" : cell) : landline;
            var digits = new char[10];
            prefix.CopyTo(digits);
            for (var i = prefix.Length; i < 10; i++)
            {
                // After a two-digit metropolitan prefix, keep clear of "0" and of the overseas ranges (0590, 0262, 0639, 0690…).
                digits[i] = i == 2 ? MetropolitanThirdDigits[_random.Next(MetropolitanThirdDigits.Length)] : (char)('0' + _random.Next(10));
            }

            return $"{digits[0]}{digits[1]} {digits[2]}{digits[3]} {digits[4]}{digits[5]} {digits[6]}{digits[7]} {digits[8]}{digits[9]}";
        }

        // ---------------------------------------------------------------- ids

        private static string Code(string departement) => departement.ToLowerInvariant();

        private string RegionSlug(string region) => DemoGeography.Slug(geography.RegionName(region));

        private static string Truncate(string label, int length) => label.Length <= length ? label : label[..length].TrimEnd('-');
    }
}
