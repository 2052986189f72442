using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ConseillersEntreprises.Core.Reports;

namespace ConseillersEntreprises.App.Reports;

/// <summary>
/// The annual report as a standalone, printable French HTML page: no script, no inline style (the CSP allows neither),
/// one stylesheet of its own from the site (<c>rapport-annuel.css</c>, print rules included) given as an absolute URL,
/// since the page is often opened from a blob URL, where a relative one resolves to nothing. Every piece of text
/// derived from data is HTML-encoded. Each figure cell carries <c>data-figure</c> and its raw value in <c>data-value</c>.
/// </summary>
public static class AnnualReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly (string Figure, string Header)[] Columns =
    [
        ("companies", "Entreprises"),
        ("needs", "Besoins"),
        ("transmittedShare", "Part transmise à un conseiller"),
        ("takenOnShare", "Taux de prise en charge"),
        ("medianDaysToFirstTakeOn", "Délai médian de première prise en charge"),
        ("helpedShare", "Part clôturée avec une aide"),
    ];

    /// <param name="report">The figures.</param>
    /// <param name="stylesheetUrl">The absolute URL of the report's stylesheet.</param>
    public static string Render(AnnualReport report, string stylesheetUrl)
    {
        ArgumentNullException.ThrowIfNull(report);
        var year = report.Year.ToString(CultureInfo.InvariantCulture);
        var countedOn = report.Directory.CountedOn.ToString("d MMMM yyyy", French);
        var html = new StringBuilder(16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Rapport annuel ").Append(year).Append(" – Conseillers-Entreprises</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(stylesheetUrl)).Append("\">\n</head>\n<body>\n")
            .Append("<header class=\"ce-report__header\">\n<p class=\"ce-report__brand\">République<br>française</p>\n")
            .Append("<p class=\"ce-report__service\">Conseillers-Entreprises<span>Le service public d'accompagnement des entreprises</span></p>\n</header>\n")
            .Append("<main class=\"ce-report\">\n")
            .Append("<h1>Rapport annuel ").Append(year).Append("</h1>\n")
            .Append("<p class=\"ce-report__lead\">À l'attention de la DGE et de la DGEFP. Besoins déposés par les entreprises du 1<sup>er</sup> janvier au 31 décembre ")
            .Append(year).Append(" (heure de Paris). Rapport établi le ").Append(Encode(countedOn)).Append(".</p>\n");

        html.Append("<section aria-labelledby=\"chiffres-cles\">\n<h2 id=\"chiffres-cles\">Chiffres clés</h2>\n<dl class=\"ce-report__figures\" data-testid=\"totals\">\n");
        var t = report.Totals;
        Figure(html, "companies", "Entreprises accompagnées", Count(t.Companies), t.Companies, "établissements distincts (SIRET) ; une entreprise sans SIRET compte pour une");
        Figure(html, "needs", "Besoins déposés", Count(t.Needs), t.Needs, null);
        Figure(html, "transmittedShare", "Transmis à un conseiller", Share(t.TransmittedShare), t.TransmittedShare, $"{Count(t.Transmitted)} besoins");
        Figure(html, "takenOnShare", "Taux de prise en charge", Share(t.TakenOnShare), t.TakenOnShare, $"{Count(t.TakenOn)} besoins pris en charge par au moins un conseiller");
        Figure(html, "medianDaysToFirstTakeOn", "Délai médian de première prise en charge", Days(t.MedianDaysToFirstTakeOn), t.MedianDaysToFirstTakeOn, "du dépôt à la première prise en charge");
        Figure(html, "helpedShare", "Clôturés avec une aide", Share(t.HelpedShare), t.HelpedShare, $"{Count(t.Helped)} besoins");
        html.Append("</dl>\n</section>\n");

        var d = report.Directory;
        html.Append("<section aria-labelledby=\"acteurs\">\n<h2 id=\"acteurs\">Les partenaires sur la plateforme</h2>\n")
            .Append("<p class=\"ce-report__note\">Au ").Append(Encode(countedOn))
            .Append(", date du rapport, et non sur l'année : l'annuaire ne garde pas d'historique.</p>\n")
            .Append("<dl class=\"ce-report__figures\" data-testid=\"directory\">\n");
        Figure(html, "institutions", "Institutions partenaires", Count(d.Institutions), d.Institutions, null);
        Figure(html, "antennas", "Antennes", Count(d.Antennas), d.Antennas, null);
        Figure(html, "advisors", "Conseillers actifs", Count(d.Advisors), d.Advisors, null);
        html.Append("</dl>\n</section>\n");

        Table(html, "secteurs", "Par secteur d'activité", "Secteur d'activité (section NAF)", "by-sector", report.BySector,
            "Les sections de la nomenclature d'activités (NAF rév. 2) des entreprises ayant déposé au moins un besoin.");
        Table(html, "tailles", "Par taille d'entreprise", "Taille (effectif salarié)", "by-size", report.BySize, null);
        Table(html, "regions", "Par région", "Région de l'établissement", "by-region", report.ByRegion, null);

        html.Append("<section aria-labelledby=\"definitions\">\n<h2 id=\"definitions\">Définitions</h2>\n<ul class=\"ce-report__definitions\">\n")
            .Append("<li><strong>Besoins déposés</strong> : les demandes des entreprises, hors demandes annulées par l'équipe (doublons, tests) et demandes refusées à la vérification.</li>\n")
            .Append("<li><strong>Taux de prise en charge</strong> : la part des besoins qu'au moins un conseiller a pris en charge.</li>\n")
            .Append("<li><strong>Délai médian de première prise en charge</strong> : la moitié des besoins pris en charge l'a été en moins de ce délai, compté du dépôt à la première prise en charge, en jours calendaires.</li>\n")
            .Append("<li><strong>Part clôturée avec une aide</strong> : la part des besoins clôturés par un conseiller avec une aide proposée.</li>\n")
            .Append("</ul>\n</section>\n</main>\n")
            .Append("<footer class=\"ce-report__footer\"><p>Conseillers-Entreprises – rapport annuel ").Append(year).Append("</p></footer>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Figure(StringBuilder html, string figure, string title, string shown, double? value, string? detail)
    {
        html.Append("<div class=\"ce-report__figure\">\n<dt>").Append(Encode(title)).Append("</dt>\n")
            .Append("<dd class=\"ce-report__value\" data-figure=\"").Append(figure).Append("\" data-value=\"").Append(Raw(value)).Append("\">")
            .Append(Encode(shown)).Append("</dd>\n");
        if (detail is not null)
        {
            html.Append("<dd class=\"ce-report__detail\">").Append(Encode(detail)).Append("</dd>\n");
        }

        html.Append("</div>\n");
    }

    private static void Table(StringBuilder html, string id, string title, string header, string testId, IReadOnlyList<AnnualGroup> groups, string? note)
    {
        html.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(Encode(title)).Append("</h2>\n");
        if (note is not null)
        {
            html.Append("<p class=\"ce-report__note\">").Append(Encode(note)).Append("</p>\n");
        }

        if (groups.Count == 0)
        {
            html.Append("<p data-testid=\"").Append(testId).Append("-empty\">Aucun besoin déposé sur l'année.</p>\n</section>\n");
            return;
        }

        html.Append("<table data-testid=\"").Append(testId).Append("\">\n<caption>").Append(Encode(title)).Append("</caption>\n<thead><tr><th scope=\"col\">")
            .Append(Encode(header)).Append("</th>");
        foreach (var (_, columnHeader) in Columns)
        {
            html.Append("<th scope=\"col\">").Append(Encode(columnHeader)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var group in groups)
        {
            var f = group.Figures;
            html.Append("<tr data-key=\"").Append(Encode(group.Key)).Append("\"><th scope=\"row\">").Append(Encode(group.Label)).Append("</th>");
            Cell(html, "companies", Count(f.Companies), f.Companies);
            Cell(html, "needs", Count(f.Needs), f.Needs);
            Cell(html, "transmittedShare", Share(f.TransmittedShare), f.TransmittedShare);
            Cell(html, "takenOnShare", Share(f.TakenOnShare), f.TakenOnShare);
            Cell(html, "medianDaysToFirstTakeOn", Days(f.MedianDaysToFirstTakeOn), f.MedianDaysToFirstTakeOn);
            Cell(html, "helpedShare", Share(f.HelpedShare), f.HelpedShare);
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Cell(StringBuilder html, string figure, string shown, double? value) =>
        html.Append("<td data-figure=\"").Append(figure).Append("\" data-value=\"").Append(Raw(value)).Append("\">").Append(Encode(shown)).Append("</td>");

    private static string Raw(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Count(int value) => value.ToString("N0", French);

    /// <summary>"66,7 %"; "—" when there is no share (no need).</summary>
    private static string Share(double? share) => share is { } s ? (s * 100).ToString("0.#", French) + "\u00a0%" : "—";

    /// <summary>"2,5 jours", "0,5 jour" (French: singular below 2); "—" when no need was taken on.</summary>
    private static string Days(double? days) => days is { } d ? d.ToString("0.0", French) + (d < 2 ? "\u00a0jour" : "\u00a0jours") : "—";

    private static string Encode(string text) => Encoder.Encode(text);
}
