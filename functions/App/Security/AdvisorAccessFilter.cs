using ConseillersEntreprises.Core.Security;

namespace ConseillersEntreprises.App.Security;

/// <summary>Requires a valid advisor token (from the signed link in the advisor's email); its subject is the advisor id.</summary>
public sealed class AdvisorAccessFilter(LinkTokens tokens) : IEndpointFilter
{
    public const string AdvisorIdItem = "advisor-id";

    public static string AdvisorId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (string)context.Items[AdvisorIdItem]!;
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var validation = tokens.Validate(LinkTokens.BearerToken(context.HttpContext), TokenAudiences.Advisor);
        if (!validation.IsValid)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Lien invalide ou expiré",
                detail: validation.Status == TokenStatus.Expired
                    ? "Ce lien a expiré : demandez un nouveau lien par email."
                    : "Ce lien n'est pas valide : demandez un nouveau lien par email.");
        }

        context.HttpContext.Items[AdvisorIdItem] = validation.Claims!.Subject;
        return await next(context);
    }
}
