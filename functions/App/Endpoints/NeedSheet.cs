using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.App.Endpoints;

/// <summary>The need sheet an advisor sees (API.md): only for an advisor the need was sent to.</summary>
public sealed record NeedSheet(
    string NeedId,
    string Subject,
    string Description,
    DateTimeOffset CreatedAt,
    string Status,
    NeedSheet.CompanyDto Company,
    NeedSheet.ContactDto Contact,
    IReadOnlyList<NeedSheet.MatchDto> Matches,
    string MyStatus,
    IReadOnlyList<string> AllowedStatuses,
    IReadOnlyList<NeedSheet.CommentDto> Comments)
{
    /// <summary>Set once an operator cancelled the need: why, and when (the sheet says so instead of offering actions).</summary>
    public CancellationDto? Cancellation { get; init; }

    /// <summary>Set once the need's personal data was anonymised: its texts read "Données anonymisées" and it is closed.</summary>
    public DateTimeOffset? AnonymizedAt { get; init; }

    public static NeedSheet For(NeedState state, NeedMatch mine)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mine);
        // Status is the need's (abandoned and cancelled included); MyStatus stays the advisor's last position, which a
        // closed need no longer lets it change.
        var closed = state.IsAbandoned || state.IsCancelled || state.IsAnonymized;
        return new NeedSheet(
            state.NeedId,
            state.SubjectLabel,
            state.Description,
            state.CreatedAt,
            NeedJson.WireName(state.Status),
            new CompanyDto(state.Company.Siret, state.Company.Name, state.Company.CommuneCode, state.Company.CommuneName, state.Company.NafCode)
            {
                Registered = state.Company.IsRegistered,
                Verified = state.Company.Verified,
            },
            new ContactDto(state.Contact.FirstName, state.Contact.LastName, state.Contact.Email, state.Contact.Phone),
            [.. state.Matches.Select(m => new MatchDto(m.AdvisorId, m.AdvisorName, m.InstitutionName, m.AntennaName, NeedJson.WireName(m.Status), m.UpdatedAt)
            {
                Comment = m.PositionComment,
                IsMe = m.AdvisorId == mine.AdvisorId,
            })],
            NeedJson.WireName(mine.Status),
            closed ? [] : [.. NeedDecider.AllowedTransitions(mine.Status).Select(NeedJson.WireName)],
            [.. state.Comments.Select(c => new CommentDto(c.AuthorName, c.Institution, c.Text, c.At))])
        {
            Cancellation = state.Cancellation is { } cancellation ? new CancellationDto(cancellation.Reason, cancellation.At) : null,
            AnonymizedAt = state.Anonymization?.At,
        };
    }

    public sealed record CompanyDto(string? Siret, string? Name, string CommuneCode, string? CommuneName, string? NafCode)
    {
        /// <summary>False for a company not yet registered (no SIRET: being created or taken over).</summary>
        public bool Registered { get; init; } = true;

        /// <summary>False when the registry could not confirm the facts at submission (the sheet marks them "non vérifié").</summary>
        public bool? Verified { get; init; }
    }

    public sealed record ContactDto(string FirstName, string LastName, string Email, string Phone);

    public sealed record MatchDto(string AdvisorId, string AdvisorName, string Institution, string Antenna, string Status, DateTimeOffset UpdatedAt)
    {
        /// <summary>The comment given with the position (e.g. why it was refused), for the other advisors.</summary>
        public string? Comment { get; init; }

        /// <summary>True for the match of the advisor reading the sheet.</summary>
        public bool IsMe { get; init; }
    }

    /// <summary>The operator's reason, never the operator's address.</summary>
    public sealed record CancellationDto(string Reason, DateTimeOffset At);

    public sealed record CommentDto(string Author, string? Institution, string Text, DateTimeOffset At);
}
