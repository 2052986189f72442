using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Managers;
using ConseillersEntreprises.Storage.Projections;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>
/// The antenna managers' routes, through the signed link of their digest: the needs of their antennas (and only theirs)
/// with their status, and a fresh link by email.
/// </summary>
public sealed class ManagerFunctions(
    ManagerAccess access,
    AntennaNeedsTable antennaNeeds,
    CurrentDirectory directory,
    SignedLinks links,
    NeedEmailRenderer renderer,
    SignInEmails emails,
    PublicRateLimiter limits,
    IOptions<ManagersOptions> options)
{
    /// <summary>The newest needs shown per antenna (a busy antenna gets a few hundred a year).</summary>
    public const int MaxNeedsPerAntenna = 200;

    [Function("ManagerNeeds")]
    public async Task<IResult> ManagerNeeds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manager/needs")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (manager, refusal) = access.Check(request.Context());
        if (refusal is not null)
        {
            return refusal;
        }

        var institutions = directory.Snapshot?.Document.Institutions.ToDictionary(i => i.Id, i => i.Name, StringComparer.Ordinal) ?? [];
        var antennas = manager!.Antennas
            .Select(a => new ManagerAntenna(a.Id, a.Name, institutions.GetValueOrDefault(a.InstitutionId) ?? a.InstitutionId))
            .ToList();
        var needs = new List<ManagerNeedRow>();
        foreach (var antenna in antennas)
        {
            foreach (var row in await antennaNeeds.NewestAsync(antenna.Id, MaxNeedsPerAntenna, cancellationToken))
            {
                needs.Add(new ManagerNeedRow(row.NeedId, antenna.Id, antenna.Name, row.Subject, row.CompanyName, row.CommuneName,
                    row.CreatedAt, row.SentAt, row.Status, row.AntennaStatus, row.AwaitingAnswer, row.AdvisorNames));
            }
        }

        return TypedResults.Ok(new ManagerNeedsAnswer(
            manager.Name,
            manager.Email,
            antennas,
            options.Value.DigestUnansweredAfter.TotalDays,
            [.. needs.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.AntennaName, StringComparer.Ordinal)]));
    }

    /// <summary>Always 202 (the answer never tells who manages an antenna); a manager of the directory gets a fresh link.</summary>
    [Function("ManagerLoginLink")]
    public async Task<IResult> ManagerLoginLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manager/login-link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (limits.Refusal(RateLimitPolicy.LoginLink, request) is { } limited)
        {
            return limited;
        }

        var (body, unreadable) = await JsonBody.ReadAsync<LoginLinkFunctions.LoginLinkRequest>(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var address = body?.Email?.Trim();
        if (!EmailAddress.IsValid(address))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Adresse email invalide"] });
        }

        if (directory.Snapshot is { } snapshot && AntennaManager.Find(snapshot.Document, address) is { } manager)
        {
            var (token, expiresAt) = links.ManagerToken(manager.Email, options.Value.LinkLifetime);
            emails.Enqueue(renderer.RenderManagerLoginLink(manager.Email, manager.Name, links.ManagerPage(token), expiresAt));
        }

        return TypedResults.Accepted((string?)null);
    }

    public sealed record ManagerAntenna(string Id, string Name, string Institution);

    public sealed record ManagerNeedRow(
        string NeedId,
        string AntennaId,
        string AntennaName,
        string Subject,
        string CompanyName,
        string CommuneName,
        DateTimeOffset CreatedAt,
        DateTimeOffset SentAt,
        string Status,
        string AntennaStatus,
        bool AwaitingAnswer,
        string Advisors);

    public sealed record ManagerNeedsAnswer(string Name, string Email, IReadOnlyList<ManagerAntenna> Antennas, double UnansweredAfterDays, IReadOnlyList<ManagerNeedRow> Needs);
}
