using System.Text.Json.Serialization;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// The whole workflow state of one need, as stored in its partition's <c>state</c> row (<see cref="NeedJson"/>).
/// Produced only by <see cref="NeedDecider"/>; derived properties are not serialized.
/// </summary>
public sealed record NeedState
{
    public required string NeedId { get; init; }

    /// <summary>Sequence number of the last accepted event: 1 after submission, +1 per accepted event (no-ops excluded).</summary>
    public long Version { get; init; }

    /// <summary>The catalogue subject; null for a need outside the catalogue until the operators choose one.</summary>
    public string? SubjectId { get; init; }

    /// <summary>The subject's label, or <see cref="OutsideCatalogueLabel"/>.</summary>
    public required string SubjectLabel { get; init; }

    public required string Description { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required NeedCompany Company { get; init; }

    public required NeedContact Contact { get; init; }

    /// <summary>The partner institution that submitted the need with its API key; null from the public site.</summary>
    public NeedSource? Source { get; init; }

    /// <summary>One per advisor notified, in dispatch order.</summary>
    public IReadOnlyList<NeedMatch> Matches { get; init; } = [];

    /// <summary>The comment thread, oldest first.</summary>
    public IReadOnlyList<NeedComment> Comments { get; init; } = [];

    /// <summary>Advisors to tell about comments when the comment notice timer fires, in posting order.</summary>
    public IReadOnlyList<PendingCommentNotice> PendingCommentNotices { get; init; } = [];

    /// <summary>Timers the need is waiting for, including the pending debounced company notices.</summary>
    public IReadOnlyList<ScheduledTimer> Timers { get; init; } = [];

    public NeedTimeline Timeline { get; init; } = new();

    /// <summary>The company's answer to the satisfaction survey, if it gave one.</summary>
    public NeedSatisfaction? Satisfaction { get; init; }

    /// <summary>Set when an operator chose the subject of a need that had none or was sent to nobody.</summary>
    public NeedSubjectChoice? SubjectChoice { get; init; }

    /// <summary>Set when the submission was held for an operator's check (and then what they decided).</summary>
    public NeedModeration? Moderation { get; init; }
    /// <summary>The advisors who left and the colleagues given their place on the need, oldest first.</summary>
    public IReadOnlyList<NeedReassignment> Reassignments { get; init; } = [];

    /// <summary>Set when an operator cancelled the need.</summary>
    public NeedCancellation? Cancellation { get; init; }

    /// <summary>Set once the need's personal data was anonymised (<see cref="NeedPersonalData"/>): it accepts no more events.</summary>
    public NeedAnonymization? Anonymization { get; init; }

    /// <summary>
    /// <see cref="NeedStatus.Cancelled"/> once an operator cancelled the need, whatever its matches; otherwise derived
    /// from the matches (<see cref="NeedStatusRules.Derive"/>).
    /// </summary>
    [JsonIgnore]
    public NeedStatus Status => IsCancelled ? NeedStatus.Cancelled : NeedStatusRules.Derive(Matches.Select(m => m.Status));

    /// <summary>The label of a need outside the catalogue, shown wherever a subject is.</summary>
    public const string OutsideCatalogueLabel = "Besoin hors catalogue";

    /// <summary>The person did not find the need in the catalogue, and no operator has chosen its subject yet.</summary>
    [JsonIgnore]
    public bool IsOutsideCatalogue => SubjectId is null;

    /// <summary>No advisor was found: the operators must find one.</summary>
    [JsonIgnore]
    public bool IsUnrouted => Matches.Count == 0;

    /// <summary>Nobody took the need on in time; it is closed (its status is <see cref="NeedStatus.Abandoned"/> unless cancelled since).</summary>
    [JsonIgnore]
    public bool IsAbandoned => Timeline.AbandonedAt is not null;

    /// <summary>An operator cancelled the need: its status is <see cref="NeedStatus.Cancelled"/> and it accepts no more events.</summary>
    [JsonIgnore]
    public bool IsCancelled => Cancellation is not null;

    /// <summary>A doubtful submission waiting for an operator to approve or reject it: sent to nobody meanwhile.</summary>
    [JsonIgnore]
    public bool IsHeld => Moderation is { IsDecided: false } && !IsCancelled;

    /// <summary>The need's personal data was anonymised: what the views show of it is <see cref="NeedPersonalData.Redacted"/>.</summary>
    [JsonIgnore]
    public bool IsAnonymized => Anonymization is not null;

    /// <summary>The company may answer the satisfaction survey once an advisor closed the need (with or without help).</summary>
    [JsonIgnore]
    public bool CanGiveSatisfaction =>
        !IsCancelled && !IsAnonymized && Matches.Any(m => m.Status is MatchStatus.Done or MatchStatus.DoneNoHelp or MatchStatus.DoneNotReachable);

    /// <summary>Debounced company emails waiting for their delay to pass.</summary>
    [JsonIgnore]
    public IEnumerable<ScheduledTimer> PendingCompanyNotices =>
        Timers.Where(t => t.Kind is TimerKind.TakenOnNotice or TimerKind.MissedCallNotice);

    /// <summary>The match of <paramref name="advisorId"/>, or null when the need was not sent to that advisor.</summary>
    public NeedMatch? MatchOf(string advisorId) =>
        Matches.FirstOrDefault(m => string.Equals(m.AdvisorId, advisorId, StringComparison.Ordinal));
}
