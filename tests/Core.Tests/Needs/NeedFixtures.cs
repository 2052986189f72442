using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>Shared data and helpers of the workflow tests: one need, advisors named by a letter, a fixed clock.</summary>
public static class NeedFixtures
{
    public const string NeedId = "need-1";

    /// <summary>Monday 2 March 2026, 10:00 Paris time (a business morning, winter time).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Exact delays (what the integration tests use), PRODUCT.md defaults otherwise.</summary>
    public static readonly WorkflowSchedule Exact = new() { BusinessHoursOnly = false };

    public static readonly NeedCompany Company = new()
    {
        Siret = "73282932000074",
        Name = "MENUISERIE DUPONT",
        CommuneCode = "47203",
        CommuneName = "Penne-d'Agenais",
        NafCode = "16.23Z",
        HeadcountBracket = "11",
    };

    public static readonly NeedContact Contact = new()
    {
        FirstName = "Camille",
        LastName = "Dupont",
        Email = "camille.dupont@example.fr",
        Phone = "0612345678",
    };

    public static RoutedAdvisor Advisor(string id) =>
        new(id, $"Conseiller {id.ToUpperInvariant()}", $"{id}@conseillers.example.fr", $"inst-{id}", $"Institution {id.ToUpperInvariant()}", $"ant-{id}", $"Antenne {id.ToUpperInvariant()}");

    public static NeedSubmitted Submitted(params string[] advisorIds) => new(
        NeedId,
        "tresorerie",
        "Difficultés de trésorerie",
        "Nous avons un retard de paiement important d'un client et devons payer nos fournisseurs.",
        Company,
        Contact,
        [.. advisorIds.Select(Advisor)]);

    public static Accepted Accept(NeedState? state, NeedEvent @event, DateTimeOffset? now = null, WorkflowSchedule? schedule = null) =>
        Assert.IsType<Accepted>(NeedDecider.Decide(state, @event, now ?? T0, schedule ?? Exact));

    public static Rejected Reject(NeedState? state, NeedEvent @event, DateTimeOffset? now = null, WorkflowSchedule? schedule = null) =>
        Assert.IsType<Rejected>(NeedDecider.Decide(state, @event, now ?? T0, schedule ?? Exact));

    /// <summary>A need submitted at <see cref="T0"/> to these advisors, with exact delays.</summary>
    public static NeedState Submit(params string[] advisorIds) => Accept(null, Submitted(advisorIds)).State;

    /// <summary>Sets statuses directly (to reach any starting point of the transition matrix).</summary>
    public static NeedState WithStatus(this NeedState state, string advisorId, MatchStatus status) => state with
    {
        Matches = [.. state.Matches.Select(m => m.AdvisorId == advisorId ? m with { Status = status } : m)],
    };

    /// <summary>Applies accepted events one after the other.</summary>
    public static NeedState Then(this NeedState state, NeedEvent @event, DateTimeOffset? now = null) => Accept(state, @event, now).State;

    public static NeedState Position(this NeedState state, string advisorId, MatchStatus status, DateTimeOffset? now = null) =>
        state.Then(new PositionChanged(advisorId, status), now);

    public static NeedMatch Match(this NeedState state, string advisorId) => Assert.Single(state.Matches, m => m.AdvisorId == advisorId);

    public static ScheduledTimer Timer(this NeedState state, TimerKind kind) => Assert.Single(state.Timers, t => t.Kind == kind);

    /// <summary>The <see cref="TimerDue"/> the sweep would deliver for the scheduled timer of that kind.</summary>
    public static TimerDue Due(this NeedState state, TimerKind kind)
    {
        var timer = state.Timer(kind);
        return new TimerDue(timer.TimerId, timer.Kind, timer.DueAt);
    }

    /// <summary>Fires the scheduled timer of that kind at its due time.</summary>
    public static Accepted Fire(this NeedState state, TimerKind kind)
    {
        var due = state.Due(kind);
        return Accept(state, due, due.ScheduledFor);
    }

    public static IReadOnlyList<SendEmail> Emails(this Accepted accepted, EmailTemplate? template = null) =>
        [.. accepted.Effects.OfType<SendEmail>().Where(e => template is null || e.Template == template)];

    public static IReadOnlyList<AlertOperators> Alerts(this Accepted accepted) => [.. accepted.Effects.OfType<AlertOperators>()];

    public static IReadOnlyList<ScheduleTimer> Timers(this Accepted accepted) => [.. accepted.Effects.OfType<ScheduleTimer>()];

    public static IReadOnlyList<UpdateProjection> Projections(this Accepted accepted, ProjectionKind kind) =>
        [.. accepted.Effects.OfType<UpdateProjection>().Where(p => p.Kind == kind)];

    public static string[] Recipients(this IEnumerable<SendEmail> emails) => [.. emails.Select(e => e.AdvisorId ?? e.RecipientEmail)];
}
