using ConseillersEntreprises.Core.Managers;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>The antenna managers' emails: the weekly digest of unanswered needs, and a fresh link on request.</summary>
public sealed partial class NeedEmailRenderer
{
    /// <summary>
    /// The weekly digest to one manager: each need still without answer from its antennas, with its link (the manager's
    /// page opened on that need), then the link to the whole list.
    /// </summary>
    /// <param name="needLink">The signed link opening one need in the manager's page.</param>
    public EmailMessage RenderManagerDigest(
        string to,
        string managerName,
        IReadOnlyList<AntennaNeed> needs,
        IReadOnlyDictionary<string, string> antennaNames,
        TimeSpan unansweredAfter,
        Func<string, Uri> needLink,
        Uri pageLink,
        DateTimeOffset linkExpiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(antennaNames);
        ArgumentNullException.ThrowIfNull(needLink);
        ArgumentNullException.ThrowIfNull(pageLink);
        if (needs.Count == 0)
        {
            throw new ArgumentException("A digest with nothing to say is not sent.", nameof(needs));
        }

        var days = (int)Math.Round(unansweredAfter.TotalDays);
        var count = needs.Count == 1 ? "1 besoin attend" : $"{needs.Count} besoins attendent";
        var document = NewDocument()
            .Paragraph(Greeting(managerName))
            .Paragraph($"{count} encore une première réponse des conseillers de votre équipe, plus de {days} jours après leur envoi. "
                       + "Une entreprise attend d'être rappelée : pouvez-vous voir avec eux qui peut s'en charger, ou le signaler si le besoin ne relève pas de vous ?")
            .Heading("Besoins sans réponse")
            .Links(needs.Select(n => (
                $"{SingleLine.Of(n.Subject)} — {CompanyOrUnknown(n.CompanyName)}, {CommuneOrUnknown(n.CommuneName)}",
                needLink(n.NeedId),
                (string?)$"{AntennaName(antennaNames, n.AntennaId)}, envoyé le {FrenchDates.Day(n.SentAt)} à {SingleLine.Of(n.AdvisorNames)}")))
            .Button("Voir tous les besoins de mes antennes", pageLink)
            .Paragraph($"Ces liens vous sont personnels et valables jusqu'au {FrenchDates.DayAndTime(linkExpiresAt)}. "
                       + "Vous recevez ce point chaque lundi matin quand un besoin de vos antennes reste sans réponse.")
            .Paragraph(TeamSignature);
        var subject = needs.Count == 1
            ? $"1 besoin sans réponse dans vos antennes — {ServiceName}"
            : $"{needs.Count} besoins sans réponse dans vos antennes — {ServiceName}";
        return document.Build(to, subject);
    }

    /// <summary>A fresh link to the manager's page, asked from the page itself.</summary>
    public EmailMessage RenderManagerLoginLink(string to, string managerName, Uri pageLink, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(pageLink);
        return NewDocument()
            .Paragraph(Greeting(managerName))
            .Paragraph($"Voici votre lien d'accès aux besoins de vos antennes sur {ServiceName}, valable jusqu'au {FrenchDates.DayAndTime(expiresAt)}.")
            .Button("Voir les besoins de mes antennes", pageLink)
            .Paragraph("Ce lien vous est personnel : ne le transférez pas.")
            .Paragraph("Si vous n'avez pas demandé ce lien, ignorez ce message : votre accès reste protégé.")
            .Paragraph(TeamSignature)
            .Build(to, $"Votre lien d'accès aux besoins de vos antennes sur {ServiceName}");
    }

    private static string AntennaName(IReadOnlyDictionary<string, string> names, string antennaId) =>
        names.TryGetValue(antennaId, out var name) ? SingleLine.Of(name) : antennaId;

    private static string CompanyOrUnknown(string name) => string.IsNullOrWhiteSpace(name) ? "Entreprise" : SingleLine.Of(name);

    private static string CommuneOrUnknown(string name) => string.IsNullOrWhiteSpace(name) ? "commune inconnue" : SingleLine.Of(name);
}
