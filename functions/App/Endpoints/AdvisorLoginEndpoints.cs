using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.Core.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConseillersEntreprises.App.Endpoints;

public static class AdvisorLoginEndpoints
{
    public static IEndpointRouteBuilder MapAdvisorLoginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/advisor/login-link", SendLink).RequireRateLimiting(RateLimits.LoginLink).WithName("AdvisorLoginLink");
        return app;
    }

    /// <summary>
    /// Always 202: the answer never says whether the address is an advisor's. Active advisors with that address (a
    /// person may hold several) each get a fresh link to their "Besoins reçus".
    /// </summary>
    private static Results<Accepted, ValidationProblem> SendLink(
        AdvisorEndpoints.LoginLinkRequest? request, CurrentDirectory directory, SignedLinks links, NeedEmailRenderer renderer, SignInEmails emails)
    {
        var address = request?.Email?.Trim();
        if (!EmailAddress.IsValid(address))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Adresse email invalide"] });
        }

        foreach (var advisor in directory.Snapshot?.Document.Advisors.Where(a => a.Active && string.Equals(a.Email.Trim(), address, StringComparison.OrdinalIgnoreCase)) ?? [])
        {
            var (link, expiresAt) = links.AdvisorInbox(advisor.Id);
            emails.Enqueue(renderer.RenderAdvisorLoginLink(advisor.Email.Trim(), advisor.Name, link, expiresAt));
        }

        return TypedResults.Accepted((string?)null);
    }
}
