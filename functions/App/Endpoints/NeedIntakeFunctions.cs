using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.App.Moderation;
using ConseillersEntreprises.App.Security;
using ConseillersEntreprises.App.Workflow;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Intake;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary><c>POST /api/needs</c>: a company's need, from the site's form or a partner.</summary>
public sealed class NeedIntakeFunctions(
    CurrentDirectory directory,
    TerritoryIndex territories,
    ICompanyLookup companies,
    NeedWorkflow workflow,
    SubmissionScreening screening,
    TimeProvider time,
    PublicRateLimiter limits,
    PartnerAccess partners)
{
    /// <summary>
    /// The site's form is limited per client address; a partner (<c>Authorization: Bearer</c> key) per key instead, and
    /// any Authorization header that is not a valid key is a 401, never an anonymous submission.
    /// </summary>
    [Function("SubmitNeed")]
    public async Task<IResult> SubmitNeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "needs")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var caller = await partners.CheckAsync(request.Context(), cancellationToken);
        return caller.Refusal
            ?? (caller.Key is { } key ? limits.PartnerRefusal(key.Id, request) : limits.Refusal(RateLimitPolicy.Needs, request))
            ?? await SubmitAsync(request, caller.Source, directory, territories, companies, workflow, screening, client, time, cancellationToken);
    }

    /// <summary>
    /// The critical path: validate; one read when an idempotency key is given (the need id derives from it); company
    /// facts (cached lookup) and, at the same time, the moderation's reads (block list, recent submissions); route in
    /// memory, unless the need is held for a check; remember its duplicate keys; start the need's orchestration with its submission decided; store its
    /// first snapshot; 201.
    /// Anything invalid is a 400 listing every problem, and nothing is stored.
    /// </summary>
    private static async Task<Results<Created<SubmitResponse>, Ok<SubmitResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        HttpRequest request,
        NeedSource? source,
        CurrentDirectory directory,
        TerritoryIndex territories,
        ICompanyLookup companies,
        NeedWorkflow workflow,
        SubmissionScreening screening,
        DurableTaskClient client,
        TimeProvider time,
        CancellationToken ct)
    {
        NeedSubmission? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<NeedSubmission>(request.Body, JsonSerializerOptions.Web, ct);
        }
        catch (JsonException)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = ["Le formulaire envoyé est illisible : rechargez la page et réessayez."] });
        }

        var snapshot = directory.Snapshot;
        if (snapshot is null)
        {
            return TypedResults.Problem(statusCode: 503, title: "Service momentanément indisponible", detail: "Réessayez dans quelques instants.");
        }

        var subjects = snapshot.SubjectLabels;
        var validation = NeedSubmissionValidator.Validate(body, subjects.ContainsKey);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors.ToDictionary(e => e.Key, e => e.Value), title: "Le besoin n'a pas été envoyé : corrigez les champs signalés");
        }

        var submission = validation.Submission;
        // A partner's idempotency keys are its own: they never name a need of the site or of another partner.
        var needId = NeedIdFor(source is null || submission.IdempotencyKey is null ? submission.IdempotencyKey : $"partner:{source.InstitutionId}:{submission.IdempotencyKey}");
        if (submission.IdempotencyKey is not null && await workflow.LoadAsync(needId, ct) is { } existing)
        {
            return TypedResults.Ok(SubmitResponse.From(existing));
        }

        var holding = screening.ReasonsAsync(submission, needId, ct);
        var facts = submission.Siret is null ? null : (await companies.LookupAsync(submission.Siret, ct)).Facts;
        var holdReasons = await holding;
        if (facts is not null && CompanyEligibility.Check(facts) is { } refusal)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refusal.Field] = [refusal.Message] });
        }

        var commune = territories.FindCommune(facts?.CommuneCode) ?? territories.FindCommune(submission.CommuneCode);
        if (commune is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [NeedFields.CommuneCode] = [CommuneProblem(submission)] });
        }

        // Without a SIRET the filters that need company facts fail, as for a company the lookup does not know.
        // A held need goes to nobody until an operator approves it (routed again then, on the directory of that day).
        var advisors = submission.SubjectId is null || holdReasons.Count > 0
            ? []
            : snapshot.Routing.Route(new RoutingRequest(submission.SubjectId, commune.Code, facts, ParisTime.Today(time.GetUtcNow())));
        var submitted = new NeedSubmitted(
            needId,
            submission.SubjectId,
            submission.SubjectId is null ? NeedState.OutsideCatalogueLabel : subjects[submission.SubjectId],
            submission.Description,
            new NeedCompany
            {
                Siret = submission.Siret,
                Name = facts?.Name ?? submission.CompanyName,
                CommuneCode = commune.Code,
                CommuneName = commune.Name,
                NafCode = facts?.NafCode,
                HeadcountBracket = facts?.HeadcountBracket,
                // Whether the registry confirmed name and commune; nothing to confirm for a company without SIRET.
                Verified = submission.Siret is null ? null : facts is not null,
            },
            new NeedContact
            {
                FirstName = submission.FirstName,
                LastName = submission.LastName,
                Email = submission.Email,
                Phone = submission.Phone.Display,
            },
            advisors)
        {
            HoldReasons = holdReasons,
            Source = source,
        };
        // Remembered before the need is stored: a retry of the same need (same id) is never its own duplicate.
        await screening.RememberAsync(submission, needId, time.GetUtcNow(), ct);
        var (state, created) = await workflow.SubmitAsync(client, submitted, ct);
        return created
            ? TypedResults.Created($"/api/company/needs/{needId}", SubmitResponse.From(state))
            : TypedResults.Ok(SubmitResponse.From(state));
    }

    /// <summary>Why the commune is missing or refused, in the person's terms.</summary>
    private static string CommuneProblem(ValidatedSubmission submission)
    {
        if (submission.CommuneCode is null)
        {
            return "Indiquez la commune de votre entreprise : nous n'avons pas pu la retrouver à partir du SIRET.";
        }

        return UncoveredTerritories.Find(submission.CommuneCode) is { } territory
            ? UncoveredTerritories.Message(territory)
            : "Cette commune est inconnue : choisissez-la dans la liste.";
    }

    /// <summary>The same idempotency key always names the same need; without one, a fresh random id.</summary>
    public static string NeedIdFor(string? idempotencyKey) => idempotencyKey is null
        ? "b" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))
        : "b" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("need:" + idempotencyKey)).AsSpan(0, 12));

    /// <summary>
    /// A held need answers as one the team must route (<c>unrouted</c>, no advisor): true for the person, and nothing a
    /// robot could tell from an uncovered territory's answer.
    /// </summary>
    public sealed record SubmitResponse(string NeedId, string Status, int AdvisorCount)
    {
        public static SubmitResponse From(NeedState state) => new(
            state.NeedId,
            state.IsUnrouted && !state.IsCancelled ? "unrouted" : NeedJson.WireName(state.Status), // a replay may find it cancelled
            state.Matches.Count);
    }
}
