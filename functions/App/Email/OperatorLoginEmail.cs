using System.Globalization;
using System.Text.Encodings.Web;

namespace ConseillersEntreprises.App.Email;

/// <summary>The operator's sign-in email. Everything inserted into HTML is encoded.</summary>
public static class OperatorLoginEmail
{
    public static EmailMessage Create(string to, Uri link, string token, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(link);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var until = TimeZoneInfo.ConvertTime(expiresAt, paris).ToString("dddd d MMMM yyyy 'à' HH'h'mm", CultureInfo.GetCultureInfo("fr-FR"));
        var html = HtmlEncoder.Default;
        var text = $"""
            Bonjour,

            Voici votre lien de connexion à l'espace opérateur de Conseillers-Entreprises, valable jusqu'au {until} :
            {link}

            Pour l'API, le jeton à utiliser comme « Authorization: Bearer » est :
            {token}

            Si vous n'avez pas demandé ce lien, ignorez ce message.

            L'équipe Conseillers-Entreprises
            """;
        var body = $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Votre lien de connexion</title></head>
            <body style="font-family: Marianne, Arial, sans-serif; line-height: 1.5">
            <p>Bonjour,</p>
            <p>Voici votre lien de connexion à l'espace opérateur de Conseillers-Entreprises, valable jusqu'au {html.Encode(until)}&nbsp;:</p>
            <p><a href="{html.Encode(link.AbsoluteUri)}">Ouvrir l'espace opérateur</a></p>
            <p>Pour l'API, le jeton à utiliser comme «&nbsp;Authorization: Bearer&nbsp;» est&nbsp;:<br><code>{html.Encode(token)}</code></p>
            <p>Si vous n'avez pas demandé ce lien, ignorez ce message.</p>
            <p>L'équipe Conseillers-Entreprises</p>
            </body></html>
            """;
        return new EmailMessage(to, "Votre lien de connexion à l'espace opérateur", body, text);
    }
}
