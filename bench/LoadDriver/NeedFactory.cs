using System.Globalization;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>Realistic submissions: a company of the pool, a subject of the catalogue, a person, a description of a few hundred characters.</summary>
internal sealed class NeedFactory(IReadOnlyList<(string Id, string Label)> subjects, CompanyPool pool, int companies, int seed, string runId)
{
    private static readonly string[] FirstNames =
    [
        "Camille", "Julien", "Sophie", "Nicolas", "Émilie", "Thomas", "Nathalie", "Karim", "Claire", "Mathieu", "Léa", "Hugo",
        "Isabelle", "Mehdi", "Chloé", "Antoine", "Aurélie", "Sébastien", "Inès", "François",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Petit", "Durand", "Lefèvre", "Moreau", "Girard", "Fontaine", "Chevalier", "Robin", "Gautier",
        "Benali", "Nguyen", "Le Gall", "Da Silva", "Hoarau", "Perrin", "Morin", "Lemaire", "Faure",
    ];

    private static readonly string[] Openings =
    [
        "Bonjour, je dirige une petite entreprise ({0}) installée à {1} depuis plusieurs années.",
        "Bonjour, nous sommes une {0} de {1} et nous avons besoin d'un conseil.",
        "Madame, Monsieur, gérant d'une entreprise ({0}) à {1}, je me permets de vous solliciter.",
    ];

    private static readonly string[] Details =
    [
        "Notre chiffre d'affaires a baissé de 20 % cette année et nous devons anticiper les prochains mois.",
        "Nous envisageons d'embaucher deux personnes mais nous ne savons pas par où commencer.",
        "Un client important nous paie avec beaucoup de retard et la trésorerie devient tendue.",
        "Nous voulons investir dans une nouvelle machine et cherchons les aides possibles.",
        "Le bail de notre local arrive à échéance et nous réfléchissons à un déménagement.",
        "Nous aimerions vendre en ligne et développer notre clientèle hors du département.",
    ];

    private static readonly string[] Closings =
    [
        "Je suis joignable en journée, de préférence le matin. Merci d'avance pour votre aide.",
        "Pouvez-vous me rappeler pour en parler ? Je peux me déplacer si besoin.",
        "Merci de me contacter par téléphone, je réponds aussi aux courriels le soir.",
    ];

    public int Companies => companies;

    /// <summary>Submission number <paramref name="i"/>: its company is <c>i mod companies</c> unless given.</summary>
    public (object Body, string SubjectId, int Company) Build(int i, string? subjectId = null, int? companyIndex = null)
    {
        var random = new Random(unchecked((seed * 7_919) + i));
        var company = pool.Get(companyIndex ?? (i % companies));
        var subject = subjectId is null ? subjects[random.Next(subjects.Count)] : subjects.First(s => s.Id == subjectId);
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var description = string.Join(' ',
            string.Format(CultureInfo.InvariantCulture, Openings[random.Next(Openings.Length)], company.Activity.ToLowerInvariant(), company.Commune.Name),
            $"Notre demande porte sur « {subject.Label} ».",
            Details[random.Next(Details.Length)],
            Details[random.Next(Details.Length)],
            Closings[random.Next(Closings.Length)]);
        var body = new
        {
            subjectId = subject.Id,
            description,
            siret = company.Siret,
            firstName = first,
            lastName = last,
            email = $"{Ascii(first)}.{Ascii(last)}.{i}@{Ascii(company.Activity)}-{company.Index}.example.fr",
            phone = string.Create(CultureInfo.InvariantCulture, $"0{random.Next(1, 8)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}"),
            consent = true,
            idempotencyKey = $"load-{runId}-{i}",
            website = string.Empty,
        };
        return (body, subject.Id, company.Index);
    }

    private static string Ascii(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        return string.Concat(normalized.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
    }
}
