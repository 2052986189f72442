using T = ConseillersEntreprises.DemoData.ThemeIds;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>What the people of the demo history wrote: descriptions by theme, advisors' reasons and comments, companies' answers.</summary>
internal static class DemoTexts
{
    /// <summary>"{0}" is the subject's label in lower case.</summary>
    public static readonly Dictionary<string, string[]> DescriptionsByTheme = new(StringComparer.Ordinal)
    {
        [T.TresorerieFinancement] =
        [
            "Nous avons un décalage de trésorerie depuis la perte d'un client important et notre banque hésite à nous suivre. Nous cherchons un interlocuteur pour {0}.",
            "Nous voulons remplacer une machine vieillissante (environ 80 000 €) et ne savons pas quels prêts ou garanties demander. Besoin d'aide pour {0}.",
        ],
        [T.RecrutementRh] =
        [
            "Nous cherchons deux personnes depuis six mois sans réponse à nos annonces. Nous aimerions être accompagnés : {0}.",
            "Notre équipe grandit et nous voulons mettre en place les bonnes pratiques dès maintenant : {0}.",
        ],
        [T.TransitionEcologique] =
        [
            "Nos factures d'énergie ont doublé en deux ans. Nous voudrions savoir quelles aides existent et par où commencer : {0}.",
            "Un de nos clients nous demande un plan d'action environnemental. Nous avons besoin d'un conseil pour {0}.",
        ],
        [T.DeveloppementCommercial] =
        [
            "Notre chiffre d'affaires stagne et nous voulons toucher de nouveaux clients. Nous cherchons un appui pour {0}.",
            "Des acheteurs nous ont contactés et nous voulons saisir l'occasion, mais nous manquons de méthode : {0}.",
        ],
        [T.CreationRepriseCession] =
        [
            "Je me lance et je voudrais être sûr de bien démarrer. Quels interlocuteurs peuvent m'aider pour {0} ?",
            "Le dirigeant part à la retraite dans deux ans et nous voulons préparer la suite sereinement : {0}.",
        ],
        [T.EntrepriseEnDifficulte] =
        [
            "Les commandes ont baissé de 30 % depuis le début de l'année et nous voulons réagir avant qu'il ne soit trop tard : {0}.",
            "Nous avons des échéances difficiles à tenir dans les prochains mois et souhaitons un regard extérieur confidentiel : {0}.",
        ],
        [T.Innovation] =
        [
            "Nous développons un nouveau produit et cherchons des financements et des partenaires : {0}.",
            "Nous avons un projet de recherche avec un client et voulons savoir comment le financer et le protéger : {0}.",
        ],
        [T.Immobilier] =
        [
            "Nos locaux sont devenus trop petits et nous cherchons une solution dans le secteur : {0}.",
            "Nous devons mettre nos locaux aux normes et voudrions connaître les aides possibles : {0}.",
        ],
        [T.JuridiqueReglementation] =
        [
            "Nous ne sommes pas sûrs d'être en règle et voudrions faire le point avec un spécialiste : {0}.",
            "Une nouvelle obligation s'applique à notre activité et nous ne savons pas comment nous y prendre : {0}.",
        ],
        [T.NumeriqueCybersecurite] =
        [
            "Nous avons été victimes d'une tentative d'hameçonnage et voulons mieux nous protéger : {0}.",
            "Nous gérons encore tout sur papier et voulons moderniser notre façon de travailler : {0}.",
        ],
    };

    public const string FallbackDescription = "Nous souhaitons être mis en relation avec un conseiller pour {0}. Merci de nous rappeler.";

    public static readonly string[] RefusalReasons =
    [
        "Ce besoin ne relève pas de notre structure.",
        "Un conseiller d'une autre structure s'en occupe déjà.",
        "Nous n'avons pas d'offre adaptée à la taille de cette entreprise.",
        "L'entreprise est en dehors de notre territoire d'intervention.",
    ];

    public static readonly string[] TakingCareComments =
    [
        "Premier échange téléphonique effectué, rendez-vous fixé dans l'entreprise la semaine prochaine.",
        "J'ai transmis à l'entreprise la liste des pièces à préparer avant notre rendez-vous.",
        "Visite réalisée : diagnostic en cours de rédaction, envoi prévu sous quinze jours.",
    ];

    public static readonly string[] NoHelpReasons =
    [
        "L'entreprise n'est pas éligible aux dispositifs existants ; orientée vers son expert-comptable.",
        "Le projet n'est pas encore assez avancé ; l'entreprise reviendra vers nous.",
    ];

    public const string NotReachableReason = "Trois appels et deux courriels sans réponse.";

    public static readonly string[] CancellationReasons =
    [
        "Doublon d'une demande déjà transmise la veille.",
        "Demande de test envoyée par erreur.",
    ];

    public static readonly (Core.Needs.SatisfactionHelped Helped, string? Comment)[] SatisfactionAnswers =
    [
        (Core.Needs.SatisfactionHelped.Yes, "Merci pour la mise en relation rapide, le conseiller a été très réactif."),
        (Core.Needs.SatisfactionHelped.Yes, null),
        (Core.Needs.SatisfactionHelped.Yes, "Nous avons obtenu le financement, merci."),
        (Core.Needs.SatisfactionHelped.Partly, "Échange utile, mais les délais des dispositifs sont longs."),
        (Core.Needs.SatisfactionHelped.No, "Nous attendions une aide financière directe."),
    ];

    /// <summary>A need the catalogue has no subject for.</summary>
    public const string OutsideCatalogueDescription =
        "Nous voudrions ouvrir notre boutique le dimanche à partir du printemps et nous ne savons pas quelles règles "
        + "s'appliquent à nos deux salariés, ni à qui demander l'autorisation.";
}
