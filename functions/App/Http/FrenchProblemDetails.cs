namespace ConseillersEntreprises.App;

/// <summary>Every error body is an RFC 7807 problem in French, including those the framework writes itself.</summary>
public static class FrenchProblemDetails
{
    public static IServiceCollection AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Type = null;
            problem.Extensions.Remove("traceId");
            (string Title, string Detail)? french = problem.Status switch
            {
                400 => ("Requête invalide", "La requête est mal formée : vérifiez le JSON envoyé et ses champs."),
                401 => ("Accès refusé", "Un lien de connexion valide est nécessaire."),
                403 => ("Accès refusé", "Vous n'avez pas accès à cette ressource."),
                404 => ("Introuvable", "La ressource demandée n'existe pas."),
                405 => ("Méthode non autorisée", "Cette adresse n'accepte pas cette méthode."),
                409 => ("Conflit", "L'opération n'est pas possible dans l'état actuel."),
                413 => ("Requête trop volumineuse", "Le contenu envoyé dépasse la taille autorisée."),
                415 => ("Format non pris en charge", "Envoyez du JSON (Content-Type: application/json)."),
                429 => ("Trop de requêtes", "Réessayez dans quelques instants."),
                500 => ("Erreur interne", "Une erreur inattendue est survenue ; l'équipe a été prévenue."),
                503 => ("Service momentanément indisponible", "Réessayez dans quelques instants."),
                _ => null,
            };
            if (french is { } text)
            {
                // Keep a specific French title/detail set by an endpoint; replace the framework's English defaults.
                if (problem.Title is null || !LooksFrench(problem.Title))
                {
                    problem.Title = text.Title;
                }

                if (problem.Detail is null || !LooksFrench(problem.Detail))
                {
                    problem.Detail = text.Detail;
                }
            }
        });

    // Framework messages are English ASCII; ours are French. Good enough to tell them apart for replacement.
    private static bool LooksFrench(string text) =>
        text.Any(c => c is 'é' or 'è' or 'à' or 'ê' or 'ç' or '«') || text.Contains(" : ", StringComparison.Ordinal);
}
