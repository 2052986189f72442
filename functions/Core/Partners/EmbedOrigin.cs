namespace ConseillersEntreprises.Core.Partners;

/// <summary>
/// An origin a partner declared for embedding the need form (<c>embedOrigins</c> of an institution): it goes into the
/// pages' <c>frame-ancestors</c> and is the only target the embedded form posts its height to. Only <c>https</c>
/// origins, written as a browser writes them (<c>https://host[:port]</c>, lower case, no path, query or user).
/// </summary>
public static class EmbedOrigin
{
    /// <summary>The origin in its canonical form, or null with the French reason it is refused.</summary>
    public static string? Normalize(string? candidate, out string? problem)
    {
        problem = null;
        var text = candidate?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "Origine vide : attendu par exemple https://www.partenaire.fr";
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"« {text} » n'est pas une origine : attendu par exemple https://www.partenaire.fr";
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = $"« {text} » doit commencer par https:// (un formulaire intégré ne s'affiche que sur une page sécurisée)";
            return null;
        }

        // A trailing "/" is what people paste from the address bar: accepted, dropped.
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath != "/"
            || text.Contains('*', StringComparison.Ordinal))
        {
            problem = $"« {text} » doit être une origine seule, sans chemin, paramètre ni joker : par exemple https://www.partenaire.fr";
            return null;
        }

        return uri.IsDefaultPort ? $"https://{uri.IdnHost}" : $"https://{uri.IdnHost}:{uri.Port}";
    }
}
