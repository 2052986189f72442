using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.DemoData;

/// <summary>Stable ids (kebab-case ASCII slugs) of the demo themes.</summary>
public static class ThemeIds
{
    public const string TresorerieFinancement = "tresorerie-financement";
    public const string RecrutementRh = "recrutement-rh";
    public const string TransitionEcologique = "transition-ecologique";
    public const string DeveloppementCommercial = "developpement-commercial";
    public const string CreationRepriseCession = "creation-reprise-cession";
    public const string EntrepriseEnDifficulte = "entreprise-en-difficulte";
    public const string Innovation = "innovation";
    public const string Immobilier = "immobilier";
    public const string JuridiqueReglementation = "juridique-reglementation";
    public const string NumeriqueCybersecurite = "numerique-cybersecurite";
}

/// <summary>Stable ids (kebab-case ASCII slugs) of the demo subjects.</summary>
public static class SubjectIds
{
    // Trésorerie et financement
    public const string DifficultesTresorerie = "difficultes-tresorerie";
    public const string FinancerInvestissement = "financer-investissement";
    public const string PretGarantieBancaire = "pret-garantie-bancaire";
    public const string DettesFiscalesSociales = "dettes-fiscales-sociales";

    // Recrutement et ressources humaines
    public const string Recruter = "recruter";
    public const string Apprentissage = "apprentissage";
    public const string FormerSalaries = "former-salaries";
    public const string GestionRh = "gestion-rh";
    public const string SanteSecuriteTravail = "sante-securite-travail";

    // Transition écologique et RSE
    public const string ReduireConsommationEnergie = "reduire-consommation-energie";
    public const string GererDechets = "gerer-dechets";
    public const string MobiliteDurable = "mobilite-durable";
    public const string EconomiserEau = "economiser-eau";
    public const string DemarcheRse = "demarche-rse";

    // Développement commercial
    public const string Export = "export";
    public const string TrouverClients = "trouver-clients";
    public const string MarchesPublics = "marches-publics";
    public const string VenteEnLigne = "vente-en-ligne";

    // Création, reprise et cession
    public const string FinancerCreation = "financer-creation";
    public const string DevelopperJeuneEntreprise = "developper-jeune-entreprise";
    public const string ReprendreEntreprise = "reprendre-entreprise";
    public const string CederTransmettre = "ceder-transmettre";

    // Entreprise en difficulté
    public const string AnticiperDifficultes = "anticiper-difficultes";
    public const string DiagnosticFinancier = "diagnostic-financier";
    public const string MediationCredit = "mediation-credit";
    public const string ActivitePartielle = "activite-partielle";
    public const string Restructuration = "restructuration";

    // Innovation
    public const string FinancerInnovation = "financer-innovation";
    public const string ProtegerInnovation = "proteger-innovation";
    public const string CreditImpotInnovation = "credit-impot-innovation";
    public const string PartenariatRecherche = "partenariat-recherche";

    // Immobilier et locaux d'activité
    public const string TrouverLocal = "trouver-local";
    public const string RenoverLocaux = "renover-locaux";
    public const string Accessibilite = "accessibilite";

    // Juridique et réglementation
    public const string ChoisirStatut = "choisir-statut";
    public const string ObligationsReglementaires = "obligations-reglementaires";
    public const string Fiscalite = "fiscalite";
    public const string DroitDuTravail = "droit-du-travail";

    // Numérique et cybersécurité
    public const string NumeriserActivite = "numeriser-activite";
    public const string VisibiliteEnLigne = "visibilite-en-ligne";
    public const string Cybersecurite = "cybersecurite";
    public const string Rgpd = "rgpd";
}

/// <summary>
/// The demo catalogue of themes and subjects, close to the real Conseillers-Entreprises one. Labels and
/// descriptions are written for a company head, in French.
/// </summary>
public static class Catalogue
{
    /// <summary>Builds a fresh copy of the catalogue (the directory model is mutable, so nothing is shared).</summary>
    public static List<Theme> CreateThemes() =>
    [
        Theme(ThemeIds.TresorerieFinancement, "Trésorerie et financement",
            "Passer un cap difficile, financer un projet, négocier avec sa banque ou ses créanciers publics.",
            Subject(SubjectIds.DifficultesTresorerie, "Faire face à des difficultés de trésorerie",
                "Clients qui paient en retard, charges difficiles à régler ce mois-ci : trouver des solutions rapides pour passer le cap."),
            Subject(SubjectIds.FinancerInvestissement, "Financer un projet d'investissement",
                "Acheter une machine ou un véhicule, agrandir votre atelier : identifier les prêts et les aides adaptés à votre projet."),
            Subject(SubjectIds.PretGarantieBancaire, "Obtenir un prêt ou une garantie bancaire",
                "Votre banque hésite à vous prêter ou demande une garantie : les garanties publiques peuvent l'aider à dire oui."),
            Subject(SubjectIds.DettesFiscalesSociales, "Étaler ses dettes fiscales et sociales",
                "Impôts ou cotisations sociales en retard : demander un délai ou un plan de règlement adapté à votre situation.", ["Urssaf", "échéancier", "plan d'apurement", "CCSF"])),

        Theme(ThemeIds.RecrutementRh, "Recrutement et ressources humaines",
            "Recruter, former, accueillir un apprenti et prendre soin de la santé de votre équipe.",
            Subject(SubjectIds.Recruter, "Recruter un ou plusieurs salariés",
                "Définir le poste, diffuser l'offre, présélectionner des candidats et connaître les aides à l'embauche."),
            Subject(SubjectIds.Apprentissage, "Recruter un apprenti ou un alternant",
                "Trouver un apprenti, choisir le bon contrat, connaître les aides et les démarches avec l'école."),
            Subject(SubjectIds.FormerSalaries, "Former ses salariés",
                "Faire monter votre équipe en compétences et faire financer les formations par votre opérateur de compétences."),
            Subject(SubjectIds.GestionRh, "Organiser et fidéliser son équipe",
                "Entretiens annuels, organisation du travail, gestion des compétences : structurer la gestion de votre personnel."),
            Subject(SubjectIds.SanteSecuriteTravail, "Santé et sécurité au travail",
                "Prévenir les accidents et l'usure professionnelle, rédiger le document unique d'évaluation des risques.", ["DUERP", "TMS", "accident du travail"])),

        Theme(ThemeIds.TransitionEcologique, "Transition écologique et RSE",
            "Réduire vos factures et votre impact sur l'environnement, avec des aides à la clé.",
            Subject(SubjectIds.ReduireConsommationEnergie, "Réduire sa consommation d'énergie",
                "Faire le point sur vos consommations d'électricité, de gaz ou de carburant et financer les travaux qui les réduisent."),
            Subject(SubjectIds.GererDechets, "Réduire et valoriser ses déchets",
                "Trier, réduire les emballages, trouver des filières de recyclage et respecter vos obligations de gestion des déchets."),
            Subject(SubjectIds.MobiliteDurable, "Développer une mobilité plus durable",
                "Véhicules électriques, vélos de service, covoiturage de vos salariés, livraisons : organiser des déplacements moins coûteux."),
            Subject(SubjectIds.EconomiserEau, "Économiser et protéger l'eau",
                "Réduire vos prélèvements d'eau, traiter vos rejets et financer les équipements qui économisent l'eau."),
            Subject(SubjectIds.DemarcheRse, "Engager une démarche RSE",
                "Structurer vos engagements sociaux et environnementaux, répondre aux questionnaires de vos clients donneurs d'ordres.")),

        Theme(ThemeIds.DeveloppementCommercial, "Développement commercial",
            "Trouver de nouveaux clients, en France ou à l'étranger, en boutique, en ligne ou auprès des acheteurs publics.",
            Subject(SubjectIds.Export, "Vendre à l'international",
                "Choisir un pays cible, trouver des distributeurs, participer à un salon et financer votre prospection à l'étranger."),
            Subject(SubjectIds.TrouverClients, "Trouver de nouveaux clients",
                "Faire connaître votre offre, revoir vos prix, prospecter de nouveaux marchés près de chez vous."),
            Subject(SubjectIds.MarchesPublics, "Répondre aux marchés publics",
                "Repérer les appels d'offres des collectivités et de l'État, préparer un dossier de candidature solide."),
            Subject(SubjectIds.VenteEnLigne, "Vendre en ligne",
                "Ouvrir une boutique en ligne, vendre sur une place de marché, organiser le retrait en magasin ou la livraison.")),

        Theme(ThemeIds.CreationRepriseCession, "Création, reprise et cession",
            "Réussir les premières années, reprendre une entreprise ou préparer la transmission de la vôtre.",
            Subject(SubjectIds.FinancerCreation, "Financer la création ou les premières années",
                "Prêt d'honneur sans intérêt, garanties et aides au démarrage pour compléter votre apport personnel.", ["prêt d'honneur", "ACRE"]),
            Subject(SubjectIds.DevelopperJeuneEntreprise, "Consolider une jeune entreprise",
                "Être suivi pendant les premières années : tableau de bord, premiers recrutements, premières difficultés."),
            Subject(SubjectIds.ReprendreEntreprise, "Reprendre une entreprise",
                "Trouver une entreprise à reprendre, en évaluer le prix et financer le rachat."),
            Subject(SubjectIds.CederTransmettre, "Céder ou transmettre son entreprise",
                "Préparer votre départ, estimer la valeur de l'entreprise et trouver un repreneur ou transmettre à un proche.")),

        Theme(ThemeIds.EntrepriseEnDifficulte, "Entreprise en difficulté",
            "Réagir tôt quand l'activité baisse : des interlocuteurs publics confidentiels peuvent vous aider.",
            Subject(SubjectIds.AnticiperDifficultes, "Anticiper des difficultés économiques",
                "Baisse des commandes, perte d'un gros client : faire le point en toute confidentialité avant que la situation ne s'aggrave."),
            Subject(SubjectIds.DiagnosticFinancier, "Faire un diagnostic financier de son entreprise",
                "Comprendre vos comptes, repérer vos points faibles et préparer le dialogue avec votre banque."),
            Subject(SubjectIds.MediationCredit, "Débloquer un refus de crédit bancaire",
                "Votre banque refuse un prêt ou réduit votre découvert : la médiation du crédit peut rouvrir le dialogue."),
            Subject(SubjectIds.ActivitePartielle, "Recourir à l'activité partielle",
                "Baisse temporaire d'activité : réduire le temps de travail de vos salariés avec une indemnisation de l'État.", ["chômage partiel", "APLD"]),
            Subject(SubjectIds.Restructuration, "Restructurer son entreprise",
                "Réorganiser l'activité, rechercher un investisseur ou négocier avec vos créanciers pour préserver les emplois.", ["procédure de sauvegarde", "redressement judiciaire", "conciliation"])),

        Theme(ThemeIds.Innovation, "Innovation",
            "Financer, protéger et développer une innovation, seul ou avec des chercheurs.",
            Subject(SubjectIds.FinancerInnovation, "Financer un projet innovant",
                "Subventions, avances remboursables et prêts pour développer un nouveau produit, service ou procédé."),
            Subject(SubjectIds.ProtegerInnovation, "Protéger une marque, un brevet ou un dessin",
                "Savoir ce qui peut être protégé, déposer votre marque ou votre brevet et éviter les contrefaçons."),
            Subject(SubjectIds.CreditImpotInnovation, "Bénéficier du crédit d'impôt recherche ou innovation",
                "Vérifier que vos dépenses sont éligibles et déclarer votre crédit d'impôt en toute sécurité.", ["CIR", "CII"]),
            Subject(SubjectIds.PartenariatRecherche, "Travailler avec un laboratoire ou un centre technique",
                "Trouver les chercheurs ou le centre technique qui peuvent vous aider à résoudre un problème technique.")),

        Theme(ThemeIds.Immobilier, "Immobilier et locaux d'activité",
            "Trouver, rénover ou mettre aux normes les locaux de votre entreprise.",
            Subject(SubjectIds.TrouverLocal, "Trouver un local ou un terrain",
                "Bureau, atelier, commerce ou terrain : connaître l'offre disponible et les zones d'activité près de chez vous."),
            Subject(SubjectIds.RenoverLocaux, "Rénover ou agrandir ses locaux",
                "Préparer vos travaux, connaître les autorisations nécessaires et les aides à la rénovation."),
            Subject(SubjectIds.Accessibilite, "Rendre ses locaux accessibles",
                "Mettre votre commerce ou votre établissement aux normes d'accessibilité pour les personnes handicapées.", ["PMR", "ERP", "Ad'AP"])),

        Theme(ThemeIds.JuridiqueReglementation, "Juridique et réglementation",
            "Statut, fiscalité, droit du travail, obligations : vous repérer dans les règles qui s'appliquent à vous.",
            Subject(SubjectIds.ChoisirStatut, "Changer de statut juridique",
                "Passer de l'entreprise individuelle à la société, choisir entre SARL et SAS, mesurer les conséquences."),
            Subject(SubjectIds.ObligationsReglementaires, "Connaître ses obligations réglementaires",
                "Affichages obligatoires, normes d'hygiène, autorisations : savoir ce qui s'applique à votre activité."),
            Subject(SubjectIds.Fiscalite, "Comprendre sa fiscalité",
                "TVA, impôt sur les bénéfices, impôts locaux : comprendre vos obligations et sécuriser vos déclarations."),
            Subject(SubjectIds.DroitDuTravail, "Appliquer le droit du travail",
                "Contrats, temps de travail, convention collective, rupture : connaître les règles avant de décider.")),

        Theme(ThemeIds.NumeriqueCybersecurite, "Numérique et cybersécurité",
            "Gagner du temps avec les outils numériques, être visible en ligne et protéger vos données.",
            Subject(SubjectIds.NumeriserActivite, "Numériser sa gestion",
                "Facturation électronique, logiciel de caisse ou de gestion : choisir les bons outils pour gagner du temps."),
            Subject(SubjectIds.VisibiliteEnLigne, "Être visible sur internet",
                "Créer ou améliorer votre site, votre fiche d'établissement et votre présence sur les réseaux sociaux."),
            Subject(SubjectIds.Cybersecurite, "Se protéger des cyberattaques",
                "Sauvegardes, mots de passe, rançongiciels : les bons réflexes et à qui s'adresser en cas d'attaque."),
            Subject(SubjectIds.Rgpd, "Protéger les données de ses clients (RGPD)",
                "Savoir quelles données vous pouvez conserver, informer vos clients et sécuriser vos fichiers.", ["CNIL"])),
    ];

    /// <summary>Every subject id of the catalogue, in catalogue order.</summary>
    public static IReadOnlyList<string> AllSubjectIds { get; } =
        [.. CreateThemes().SelectMany(theme => theme.Subjects).Select(subject => subject.Id)];

    private static Theme Theme(string id, string label, string description, params Subject[] subjects) =>
        new() { Id = id, Label = label, Description = description, Subjects = [.. subjects] };

    /// <summary>A subject; <paramref name="keywords"/> are the operators' words for it (acronyms, official names), only where they add to the label.</summary>
    private static Subject Subject(string id, string label, string description, List<string>? keywords = null) =>
        new() { Id = id, Label = label, Description = description, Keywords = keywords };
}
