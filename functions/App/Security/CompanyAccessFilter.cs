using ConseillersEntreprises.Core.Security;

namespace ConseillersEntreprises.App.Security;

/// <summary>Requires a valid company token (from the confirmation email); its subject is the one need it opens.</summary>
public sealed class CompanyAccessFilter(LinkTokens tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var validation = tokens.Validate(LinkTokens.BearerToken(http), TokenAudiences.Company);
        var needId = http.GetRouteValue("needId") as string;
        if (!validation.IsValid || !string.Equals(validation.Claims!.Subject, needId, StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Lien invalide ou expiré",
                detail: "Ce lien de suivi n'est pas valide ou a expiré. Répondez à l'email de confirmation pour joindre l'équipe.");
        }

        return await next(context);
    }
}
