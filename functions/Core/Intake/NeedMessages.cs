namespace ConseillersEntreprises.Core.Intake;

/// <summary>The French messages of need intake, shown to the person filling in the form.</summary>
public static class NeedMessages
{
    public const string SubjectUnknown = "Ce sujet n'existe pas";

    public const string DescriptionTooShort = "Décrivez votre besoin en 20 caractères au moins";

    // The thousands separator is a non-breaking space, so that "4 000" is never split across two lines.
    public const string DescriptionTooLong = "Décrivez votre besoin en 4\u00A0000 caractères au plus";

    public const string SiretRequired =
        "Indiquez le numéro SIRET de votre établissement, ou indiquez que vous n'en avez pas encore (la commune et le nom de l'entreprise ou du projet sont alors demandés)";

    public const string CommuneRequiredWithoutSiret = "Sans SIRET, indiquez la commune où se trouve ou se trouvera votre entreprise";

    public const string CompanyNameRequiredWithoutSiret = "Sans SIRET, indiquez le nom de votre entreprise ou de votre projet";

    /// <summary>Fallback only: <c>Siret.TryNormalize</c> gives a precise message.</summary>
    public const string SiretInvalid = "Ce numéro SIRET n'est pas valide";

    public const string FirstNameRequired = "Indiquez votre prénom";
    public const string FirstNameTooLong = "Le prénom ne doit pas dépasser 100 caractères";
    public const string FirstNameInvalidCharacters = "Le prénom contient des caractères non autorisés";
    public const string FirstNameWithoutLetter = "Le prénom doit contenir au moins une lettre";

    public const string LastNameRequired = "Indiquez votre nom";
    public const string LastNameTooLong = "Le nom ne doit pas dépasser 100 caractères";
    public const string LastNameInvalidCharacters = "Le nom contient des caractères non autorisés";
    public const string LastNameWithoutLetter = "Le nom doit contenir au moins une lettre";

    public const string EmailRequired = "Indiquez votre adresse email";
    public const string EmailInvalid = "Adresse email invalide : vérifiez-la, par exemple prenom.nom@exemple.fr";
    public const string EmailTooLong = "L'adresse email ne doit pas dépasser 254 caractères";

    public const string PhoneRequired = "Indiquez votre numéro de téléphone";
    public const string PhoneInvalid = "Numéro de téléphone invalide : indiquez un numéro français, par exemple 06 12 34 56 78";

    public const string ConsentRequired = "Vous devez accepter que vos coordonnées soient transmises aux conseillers";

    public const string CommuneCodeInvalid =
        "Code commune invalide : choisissez la commune dans la liste (code INSEE à 5 caractères, par exemple 75056 ou 2A004)";

    public const string CompanyNameTooLong = "Le nom de l'entreprise ne doit pas dépasser 200 caractères";
    public const string CompanyNameInvalidCharacters = "Le nom de l'entreprise contient des caractères non autorisés";

    public const string IdempotencyKeyInvalid =
        "Clé d'idempotence invalide : 100 caractères au plus, lettres, chiffres et - _ : . uniquement";

    public const string EstablishmentClosed =
        "Cet établissement est fermé : indiquez le SIRET d'un établissement en activité";

    public const string CompanyCeased =
        "Cette entreprise a cessé son activité : le service s'adresse aux entreprises en activité";

    public const string ForeignEstablishment = "Le service s'adresse aux entreprises établies en France";
}
