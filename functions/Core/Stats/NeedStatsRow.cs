using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>
/// One need as the public stats count it (the <c>needstats</c> projection, one row per need, refreshed when the need's
/// status changes). Holds no personal data: only the month, the theme, the region, the size and sector groups, four
/// outcomes, the delay to the first take-on and the company's SIRET (public registry data, kept as the need's own
/// registry facts are: see <see cref="NeedPersonalData"/>).
/// </summary>
public sealed record NeedStatsRow
{
    /// <summary>A need taken on within this delay of its submission counts as "taken on within 5 days" (PRODUCT.md).</summary>
    public static readonly TimeSpan TakenOnQuickly = TimeSpan.FromDays(5);

    public required string NeedId { get; init; }

    /// <summary>"yyyy-MM", Europe/Paris, of the submission.</summary>
    public required string Month { get; init; }

    public string? ThemeId { get; init; }

    public string? RegionCode { get; init; }

    public required string SizeKey { get; init; }

    public required string SectorKey { get; init; }

    /// <summary>Who submitted it: <see cref="PublicSite"/>, or the id of the partner institution whose API key did.</summary>
    public string SourceKey { get; init; } = PublicSite;

    /// <summary>The source key of a need sent from the public site's form.</summary>
    public const string PublicSite = "site-public";

    /// <summary>Whether a partner institution submitted it through the API.</summary>
    public bool FromPartner => !string.Equals(SourceKey, PublicSite, StringComparison.Ordinal);

    /// <summary>Sent to at least one advisor (at once, or later by an operator).</summary>
    public bool Transmitted { get; init; }

    /// <summary>Closed with an exchange: help proposed (done) or no help possible (done_no_help).</summary>
    public bool Exchange { get; init; }

    /// <summary>Closed with help (done).</summary>
    public bool Helped { get; init; }

    /// <summary>The first take-on came within <see cref="TakenOnQuickly"/> of the submission.</summary>
    public bool TakenOnWithin5Days { get; init; }

    /// <summary>
    /// From the submission to the first take-on still standing; null when no advisor took the need on, and on rows
    /// written before the delay was recorded (those still say <see cref="TakenOnWithin5Days"/>).
    /// </summary>
    public TimeSpan? FirstTakenOnAfter { get; init; }

    /// <summary>Taken on by at least one advisor (rows written before the delay was recorded: when within 5 days).</summary>
    public bool TakenOn => FirstTakenOnAfter is not null || TakenOnWithin5Days;

    /// <summary>
    /// The company, to count distinct companies: its SIRET; null for a company not registered yet, and on rows written
    /// before the SIRET was recorded (each such need counts as a company of its own).
    /// </summary>
    public string? CompanyKey { get; init; }

    /// <summary>
    /// The row of <paramref name="state"/>, or null when the need must not be counted (cancelled by an operator: a
    /// duplicate or a test; or held for a check: counted once approved, never when rejected). <paramref name="themeId"/> and <paramref name="regionCode"/> come from the directory and the
    /// geography, which the need does not hold.
    /// </summary>
    public static NeedStatsRow? Of(NeedState state, string? themeId, string? regionCode)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsCancelled || state.IsHeld)
        {
            return null;
        }

        // An abandoned need counts as transmitted, without exchange nor help (as an all-refused one).
        var status = state.IsUnrouted ? NeedStatus.Quo : state.Status;
        var firstTakenOnAfter = FirstTakenOnAt(state.Matches) - state.CreatedAt;
        return new NeedStatsRow
        {
            NeedId = state.NeedId,
            Month = StatsMonth.Of(state.CreatedAt),
            ThemeId = themeId,
            RegionCode = regionCode,
            SizeKey = CompanySizes.KeyOf(state.Company.HeadcountBracket),
            SectorKey = ActivitySections.KeyOf(state.Company.NafCode),
            SourceKey = state.Source?.InstitutionId ?? PublicSite,
            Transmitted = state.Matches.Count > 0,
            Exchange = status is NeedStatus.Done or NeedStatus.DoneNoHelp,
            Helped = status == NeedStatus.Done,
            TakenOnWithin5Days = firstTakenOnAfter <= TakenOnQuickly,
            FirstTakenOnAfter = firstTakenOnAfter,
            CompanyKey = string.IsNullOrWhiteSpace(state.Company.Siret) ? null : state.Company.Siret.Trim(),
        };
    }

    /// <summary>The earliest take-on still standing among <paramref name="matches"/>; null when none of them took the need on.</summary>
    public static DateTimeOffset? FirstTakenOnAt(IEnumerable<NeedMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return matches.Min(m => m.TakenOnAt);
    }
}
