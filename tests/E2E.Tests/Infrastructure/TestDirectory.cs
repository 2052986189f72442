using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// A small Lot-et-Garonne directory, unique to one run (advisor emails carry the run id): one subject goes to a single
/// advisor, another to three advisors of three institutions, so each scenario knows exactly who must be notified. A
/// third theme is used by the statistics test alone, so that the figures it filters on are exactly its own needs.
/// </summary>
public sealed class TestDirectory
{
    public const string SoloSubject = "difficultes-tresorerie";
    public const string SoloSubjectLabel = "Faire face à des difficultés de trésorerie";
    public const string TeamSubject = "recruter";
    public const string TeamSubjectLabel = "Recruter un ou plusieurs salariés";
    public const string StatsTheme = "international";
    public const string StatsThemeLabel = "International";
    public const string StatsSubject = "exporter";
    public const string StatsSubjectLabel = "Vendre à l'étranger";

    /// <summary>The origin a partner declared to embed the form (its page is served by the browser test itself).</summary>
    public const string PartnerOrigin = "https://partenaire.example";

    public TestDirectory(string run)
    {
        ManagerEmail = $"helene.roche-{run}@urssaf.test";
        Solo = Person("conseiller-solo", "urssaf-47", "Camille Martin", $"camille.martin-{run}@urssaf.test", SoloSubject);
        Team =
        [
            Person("conseiller-cci", "cci-47", "Alice Bernard", $"alice.bernard-{run}@cci.test", TeamSubject),
            Person("conseiller-urssaf", "urssaf-47", "Bruno Petit", $"bruno.petit-{run}@urssaf.test", TeamSubject),
            Person("conseiller-cma", "cma-47", "Chloé Moreau", $"chloe.moreau-{run}@cma.test", TeamSubject),
        ];
        Exporter = Person("conseiller-export", "cci-47", "Denis Laurent", $"denis.laurent-{run}@cci.test", StatsSubject);
        Document = new DirectoryDocument
        {
            Themes =
            [
                new Theme
                {
                    Id = "tresorerie",
                    Label = "Trésorerie",
                    Description = "Passer un cap difficile, financer son activité.",
                    Subjects = [new Subject { Id = SoloSubject, Label = SoloSubjectLabel, Description = "Retards de paiement, échéances sociales ou fiscales difficiles." }],
                },
                new Theme
                {
                    Id = "rh",
                    Label = "Ressources humaines",
                    Description = "Recruter, former, gérer son équipe.",
                    Subjects = [new Subject { Id = TeamSubject, Label = TeamSubjectLabel, Description = "Trouver les bons profils, connaître les aides à l'embauche." }],
                },
                new Theme
                {
                    Id = StatsTheme,
                    Label = StatsThemeLabel,
                    Description = "Exporter, trouver des clients hors de France.",
                    Subjects = [new Subject { Id = StatsSubject, Label = StatsSubjectLabel, Description = "Premiers pas à l'export, salons, aides à la prospection." }],
                },
            ],
            Institutions =
            [
                new Institution { Id = "urssaf", Name = "Urssaf", Subjects = [SoloSubject, TeamSubject], EmbedOrigins = [PartnerOrigin] },
                new Institution { Id = "cci", Name = "CCI", Subjects = [TeamSubject, StatsSubject] },
                new Institution { Id = "cma", Name = "CMA", Subjects = [TeamSubject] },
            ],
            Antennas =
            [
                Antenna("urssaf-47", "urssaf", "Urssaf Lot-et-Garonne") with { Managers = [new Manager { Name = "Hélène Roche", Email = ManagerEmail }] },
                Antenna("cci-47", "cci", "CCI Lot-et-Garonne"),
                Antenna("cma-47", "cma", "CMA Lot-et-Garonne"),
            ],
            Advisors = [Solo, .. Team, Exporter],
        };
    }

    public DirectoryDocument Document { get; }

    /// <summary>The manager of the Urssaf antenna (its weekly digest and page: the managers' test only).</summary>
    public string ManagerEmail { get; }

    /// <summary>The only advisor of <see cref="SoloSubject"/>.</summary>
    public Advisor Solo { get; }

    /// <summary>The three advisors of <see cref="TeamSubject"/> (CCI, Urssaf, CMA).</summary>
    public IReadOnlyList<Advisor> Team { get; }

    /// <summary>The only advisor of <see cref="StatsSubject"/> (CCI), theme <see cref="StatsTheme"/>: only the statistics test sends it needs.</summary>
    public Advisor Exporter { get; }

    private static Antenna Antenna(string id, string institution, string name) =>
        new() { Id = id, InstitutionId = institution, Name = name, Territories = new Territories { Departements = ["47"] } };

    private static Advisor Person(string id, string antenna, string name, string email, string subject) =>
        new() { Id = id, AntennaId = antenna, Name = name, Email = email, Phone = "05 53 00 00 00", Subjects = [subject] };
}
