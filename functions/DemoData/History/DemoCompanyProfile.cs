using S = ConseillersEntreprises.DemoData.SubjectIds;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// A kind of company that asks for help, with what it usually asks about: names, NAF code, INSEE headcount brackets,
/// legal form and age stay consistent with the subjects, so that the demo directory's filters route them as they
/// would a real company.
/// </summary>
/// <param name="NamePattern">"{0}" is a family name.</param>
/// <param name="Weight">How often this kind of company asks (relative).</param>
/// <param name="MaxAgeYears">The oldest such a company is; young-company subjects pick companies under 3 years.</param>
internal sealed record DemoCompanyProfile(
    string NamePattern,
    string NafCode,
    string[] HeadcountBrackets,
    string LegalFormCode,
    int Weight,
    int MaxAgeYears,
    string[] Subjects)
{
    /// <summary>Subjects every kind of company asks about now and then.</summary>
    public static readonly string[] Common =
    [
        S.DifficultesTresorerie, S.Recruter, S.FinancerInvestissement, S.ReduireConsommationEnergie, S.TrouverClients,
        S.AnticiperDifficultes, S.ObligationsReglementaires, S.NumeriserActivite,
    ];

    /// <summary>Subjects of a company's first years: asked by companies under three years old.</summary>
    public static readonly HashSet<string> YoungCompanySubjects = new(StringComparer.Ordinal)
    {
        S.FinancerCreation, S.DevelopperJeuneEntreprise, S.ChoisirStatut,
    };

    public static readonly DemoCompanyProfile[] All =
    [
        new("Boulangerie {0}", "10.71C", ["01", "02", "03", "11"], "5499", 9, 40,
            [S.DifficultesTresorerie, S.ReduireConsommationEnergie, S.Apprentissage, S.CederTransmettre, S.ReprendreEntreprise, S.PretGarantieBancaire]),
        new("Restaurant chez {0}", "56.10A", ["01", "02", "03", "11"], "5499", 10, 25,
            [S.Recruter, S.Apprentissage, S.DettesFiscalesSociales, S.Accessibilite, S.GererDechets, S.VisibiliteEnLigne, S.FinancerCreation]),
        new("{0} Bâtiment", "43.99C", ["02", "03", "11", "12"], "5499", 10, 35,
            [S.Recruter, S.Apprentissage, S.MarchesPublics, S.SanteSecuriteTravail, S.PretGarantieBancaire, S.DettesFiscalesSociales]),
        new("Menuiserie {0}", "16.23Z", ["02", "03", "11", "12"], "5710", 5, 45,
            [S.FinancerInvestissement, S.ReduireConsommationEnergie, S.GererDechets, S.CederTransmettre, S.Export]),
        new("Garage {0}", "45.20A", ["01", "02", "03", "11"], "5499", 6, 40,
            [S.Recruter, S.Apprentissage, S.MobiliteDurable, S.TrouverLocal, S.CederTransmettre]),
        new("{0} Conseil", "70.22Z", ["00", "01", "02"], "5710", 6, 12,
            [S.ChoisirStatut, S.FinancerCreation, S.DevelopperJeuneEntreprise, S.VisibiliteEnLigne, S.Fiscalite, S.MarchesPublics]),
        new("{0} Informatique", "62.01Z", ["02", "03", "11", "12", "21"], "5710", 7, 15,
            [S.FinancerInnovation, S.CreditImpotInnovation, S.Cybersecurite, S.Rgpd, S.Recruter, S.Export, S.ProtegerInnovation]),
        new("Transports {0}", "49.41A", ["03", "11", "12", "21"], "5710", 5, 40,
            [S.MobiliteDurable, S.ReduireConsommationEnergie, S.Recruter, S.DifficultesTresorerie, S.ActivitePartielle, S.MediationCredit]),
        new("Ateliers {0}", "25.62B", ["11", "12", "21", "22"], "5710", 7, 50,
            [S.Export, S.FinancerInvestissement, S.FinancerInnovation, S.PartenariatRecherche, S.SanteSecuriteTravail, S.EconomiserEau,
             S.DemarcheRse, S.FormerSalaries, S.Restructuration, S.DiagnosticFinancier]),
        new("Salon {0} Coiffure", "96.02A", ["00", "01", "02"], "1000", 5, 20,
            [S.Apprentissage, S.TrouverLocal, S.RenoverLocaux, S.VisibiliteEnLigne, S.FinancerCreation]),
        new("Boutique {0}", "47.71Z", ["00", "01", "02", "03"], "5499", 7, 20,
            [S.VenteEnLigne, S.VisibiliteEnLigne, S.TrouverLocal, S.DifficultesTresorerie, S.Accessibilite, S.DevelopperJeuneEntreprise]),
        new("EARL {0}", "01.11Z", ["00", "01", "02"], "6598", 4, 40,
            [S.EconomiserEau, S.ReduireConsommationEnergie, S.CederTransmettre, S.FinancerInvestissement, S.GestionRh]),
        new("Hôtel {0}", "55.10Z", ["03", "11", "12"], "5499", 4, 40,
            [S.RenoverLocaux, S.Recruter, S.ReduireConsommationEnergie, S.Accessibilite, S.ReprendreEntreprise, S.GestionRh]),
        new("Cabinet {0}", "69.20Z", ["01", "02", "03", "11"], "5485", 3, 30,
            [S.Cybersecurite, S.Rgpd, S.DroitDuTravail, S.GestionRh, S.FormerSalaries]),
        new("{0} Industrie", "28.29B", ["12", "21", "22", "31"], "5710", 4, 50,
            [S.Export, S.FinancerInnovation, S.PartenariatRecherche, S.DemarcheRse, S.Restructuration, S.ActivitePartielle,
             S.SanteSecuriteTravail, S.MediationCredit]),
    ];
}
