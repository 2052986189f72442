using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Time;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// Builds the demo history of a local run: needs of the last twelve months from fictional companies of realistic
/// kinds (<see cref="DemoCompanyProfile"/>), in real communes, routed by the demo directory as the intake routes, each
/// with the script of what became of it (mostly helped, some closed without help or unreachable, some refused by
/// all, abandoned or cancelled), and a dozen recent needs still open. Deterministic: the same directory, anchor and
/// seed give the same history, and need ids depend on the seed only, so that a second seeding finds the first one's.
/// </summary>
public static class DemoHistoryGenerator
{
    public const int DefaultPastCount = 360;

    public const int DefaultOpenCount = 12;

    public const int DefaultSeed = 42;

    /// <summary>The oldest need is submitted this long before the anchor.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(365);

    /// <summary>The most recent need of the history is submitted at least this long before the anchor (the open ones are newer).</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromDays(3);

    /// <summary>Only needs submitted this long before the anchor can have been abandoned (45 days, business days counted).</summary>
    public static readonly TimeSpan AbandonableAfter = TimeSpan.FromDays(60);

    /// <summary>Prefectures and large towns: half of the companies are there, the other half anywhere in France.</summary>
    private static readonly string[] Towns =
    [
        "75056", "13055", "69123", "31555", "06088", "44109", "34172", "67482", "33063", "59350", "35238", "51454",
        "83137", "42218", "76351", "38185", "21231", "49007", "30189", "63113", "72181", "13001", "29019", "37261",
        "80021", "87085", "74010", "66136", "57463", "25056", "45234", "76540", "14118", "54395", "47001", "64445",
        "64102", "17300", "86194", "97411", "2A004", "68224", "56121", "22278", "71076", "03185", "18033", "24322",
    ];

    private static readonly (DemoOutcome Outcome, int Weight)[] Outcomes =
    [
        (DemoOutcome.Helped, 52), (DemoOutcome.NoHelp, 12), (DemoOutcome.NotReachable, 6),
        (DemoOutcome.RefusedByAll, 10), (DemoOutcome.Abandoned, 14), (DemoOutcome.Cancelled, 6),
    ];

    /// <summary>The open need of a company without SIRET yet.</summary>
    public const int UnregisteredOpenIndex = 1;

    /// <summary>The open need outside the catalogue.</summary>
    public const int OutsideCatalogueOpenIndex = 2;

    /// <summary>The open needs held for an operator's check (the "À vérifier" basket): a form sent too fast, and a duplicate.</summary>
    public const int TooFastOpenIndex = 3;

    /// <summary>Submitted again by the same person on the same subject as the first open need.</summary>
    public const int DuplicateOpenIndex = 4;

    /// <summary>The id of the first open need: submitted first, its creation instant is the history's anchor on later starts.</summary>
    public static string AnchorNeedId(int seed = DefaultSeed) => NeedId(seed, "open", 0);

    /// <summary>The id of the open need of that index (e.g. <see cref="TooFastOpenIndex"/>).</summary>
    public static string OpenNeedId(int index, int seed = DefaultSeed) => NeedId(seed, "open", index);

    public static DemoHistory Generate(
        DirectoryDocument directory,
        TerritoryIndex territories,
        DateTimeOffset anchor,
        int pastCount = DefaultPastCount,
        int openCount = DefaultOpenCount,
        int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(territories);
        ArgumentOutOfRangeException.ThrowIfNegative(pastCount);
        ArgumentOutOfRangeException.ThrowIfNegative(openCount);
        // One random sequence each, so that the open needs do not depend on how many past needs were asked for.
        var pastBuilder = new Builder(directory, territories, anchor, seed, randomSeed: seed);
        var openBuilder = new Builder(directory, territories, anchor, seed, randomSeed: seed + 1);
        var past = Enumerable.Range(0, pastCount).Select(pastBuilder.Past).OrderBy(n => n.SubmittedAt).ToList();
        var open = Enumerable.Range(0, openCount).Select(openBuilder.Open).ToList();
        return new DemoHistory(past, open);
    }

    private static string NeedId(int seed, string kind, int index) =>
        "b" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"demo-history:{seed}:{kind}:{index}"))).AsSpan(0, 12));

    private sealed class Builder
    {
        private readonly Random _random;
        private readonly int _seed;
        private readonly DateTimeOffset _anchor;
        private readonly TerritoryIndex _territories;
        private readonly RoutingIndex _routing;
        private readonly Dictionary<string, (string Label, string ThemeId)> _subjects;
        private readonly List<Commune> _towns;
        private readonly IReadOnlyList<string> _departements;
        private readonly int _profileWeights;

        /// <summary>The first open need, which the duplicate repeats (open needs are built in order).</summary>
        private NeedSubmitted? _firstOpen;

        public Builder(DirectoryDocument directory, TerritoryIndex territories, DateTimeOffset anchor, int seed, int randomSeed)
        {
            _random = new Random(randomSeed);
            _seed = seed;
            _anchor = anchor;
            _territories = territories;
            _routing = RoutingIndex.Build(directory, territories);
            _subjects = directory.Themes
                .SelectMany(t => t.Subjects.Select(s => (s.Id, s.Label, ThemeId: t.Id)))
                .ToDictionary(s => s.Id, s => (s.Label, s.ThemeId), StringComparer.Ordinal);
            _towns = [.. Towns.Select(territories.FindCommune).OfType<Commune>()];
            _departements = territories.DepartementCodes;
            _profileWeights = DemoCompanyProfile.All.Sum(p => p.Weight);
        }

        public DemoNeed Past(int index)
        {
            var submittedAt = _anchor - Quiet - TimeSpan.FromMinutes(_random.NextDouble() * (Span - Quiet).TotalMinutes);
            submittedAt = new DateTimeOffset(submittedAt.UtcTicks - (submittedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            var submission = Submission(NeedId(_seed, "past", index), submittedAt);
            var outcome = Pick(Outcomes);
            if (outcome == DemoOutcome.Abandoned && _anchor - submittedAt < AbandonableAfter)
            {
                outcome = DemoOutcome.Helped;
            }

            var script = new Script(this, submittedAt, _anchor - TimeSpan.FromHours(1));
            var matches = submission.Advisors;
            switch (outcome)
            {
                case DemoOutcome.Helped:
                case DemoOutcome.NoHelp:
                case DemoOutcome.NotReachable:
                    TakenOnThenClosed(script, matches, outcome);
                    break;
                case DemoOutcome.RefusedByAll:
                    var at = submittedAt;
                    foreach (var advisor in matches)
                    {
                        at = script.After(at, TimeSpan.FromHours(2), TimeSpan.FromDays(4));
                        script.Add(at, new PositionChanged(advisor.AdvisorId, MatchStatus.NotForMe, One(DemoTexts.RefusalReasons)));
                    }

                    break;
                case DemoOutcome.Cancelled:
                    script.Add(
                        script.After(submittedAt, TimeSpan.FromHours(1), TimeSpan.FromDays(2)),
                        new NeedCancelled("operateur@conseillers-entreprises.local", One(DemoTexts.CancellationReasons)));
                    break;
                case DemoOutcome.Abandoned:
                default:
                    // Nobody answers: the replay fires the reminders, the follow-up, the last chance and the abandonment.
                    break;
            }

            return new DemoNeed(submission, submittedAt, script.Steps, outcome);
        }

        /// <summary>
        /// A recent need still open. Two of them show the submissions without full routing: a company without SIRET yet
        /// (routed on its commune alone, as the intake does) and a need outside the catalogue (sent to nobody, waiting for
        /// the operators to choose its subject); two others wait in the review basket (a form sent too fast, and the
        /// first open need's person asking again on the same subject).
        /// </summary>
        public NeedSubmitted Open(int index)
        {
            var submission = Submission(NeedId(_seed, "open", index), _anchor);
            if (index == 0)
            {
                _firstOpen = submission;
            }

            return index switch
            {
                UnregisteredOpenIndex => submission with
                {
                    Company = submission.Company with
                    {
                        Siret = null,
                        Name = $"Projet de reprise – {submission.Company.Name}",
                        NafCode = null,
                        HeadcountBracket = null,
                    },
                    Advisors = _routing.Route(new RoutingRequest(submission.SubjectId!, submission.Company.CommuneCode, null, ParisTime.Today(_anchor))),
                },
                OutsideCatalogueOpenIndex => submission with
                {
                    SubjectId = null,
                    SubjectLabel = NeedState.OutsideCatalogueLabel,
                    Description = DemoTexts.OutsideCatalogueDescription,
                    Advisors = [],
                },
                TooFastOpenIndex => submission with { HoldReasons = [HoldReason.FilledTooFast] },
                DuplicateOpenIndex when _firstOpen is { } first => first with
                {
                    NeedId = submission.NeedId,
                    Description = submission.Description,
                    HoldReasons = [HoldReason.DuplicateSiret, HoldReason.DuplicateEmail],
                },
                _ => submission,
            };
        }

        private void TakenOnThenClosed(Script script, IReadOnlyList<RoutedAdvisor> matches, DemoOutcome outcome)
        {
            var taker = matches[_random.Next(matches.Count)];
            // Most needs are taken on within a day or two; a few wait more than the 5 days of the statistics.
            var takenOnAt = script.After(script.Start, TimeSpan.FromHours(1), _random.NextDouble() < 0.85 ? TimeSpan.FromDays(3) : TimeSpan.FromDays(12));
            script.Add(takenOnAt, new PositionChanged(taker.AdvisorId, MatchStatus.TakingCare));
            var others = matches.Where(m => m != taker).ToList();
            var at = takenOnAt;
            foreach (var other in others)
            {
                at = script.After(at, TimeSpan.FromMinutes(30), TimeSpan.FromDays(2));
                script.Add(at, new PositionChanged(other.AdvisorId, MatchStatus.NotForMe, DemoTexts.RefusalReasons[1]));
            }

            at = takenOnAt;
            if (_random.NextDouble() < 0.4)
            {
                at = script.After(at, TimeSpan.FromHours(2), TimeSpan.FromDays(5));
                script.Add(at, CommentPosted.ByAdvisor(taker.AdvisorId, One(DemoTexts.TakingCareComments)));
            }

            var (status, reason) = outcome switch
            {
                DemoOutcome.NoHelp => (MatchStatus.DoneNoHelp, One(DemoTexts.NoHelpReasons)),
                DemoOutcome.NotReachable => (MatchStatus.DoneNotReachable, DemoTexts.NotReachableReason),
                _ => (MatchStatus.Done, (string?)null),
            };
            var closedAt = script.After(at, TimeSpan.FromDays(1), TimeSpan.FromDays(outcome == DemoOutcome.NotReachable ? 10 : 30));
            script.Add(closedAt, new PositionChanged(taker.AdvisorId, status, reason));

            // Half of the helped companies answer the survey sent ten days after the closing.
            if (outcome == DemoOutcome.Helped && _random.NextDouble() < 0.5)
            {
                var answeredAt = closedAt + TimeSpan.FromDays(12 + _random.Next(6));
                if (answeredAt < script.Limit)
                {
                    var (helped, comment) = One(DemoTexts.SatisfactionAnswers);
                    script.Add(answeredAt, new SatisfactionGiven(helped, comment));
                }
            }
        }

        private NeedSubmitted Submission(string needId, DateTimeOffset at)
        {
            // Pick a company, a subject it would ask about and a commune until the directory routes it to someone (a need
            // nobody covers goes to the operators, which the history does not need: they would have routed it since).
            for (var attempt = 0; ; attempt++)
            {
                var profile = Profile();
                var subjectId = Subject(profile);
                var commune = Commune();
                var facts = Facts(profile, subjectId, commune, at);
                var advisors = _routing.Route(new RoutingRequest(subjectId, commune.Code, facts, ParisTime.Today(at)));
                if (advisors.Length == 0 && attempt < 50)
                {
                    continue;
                }

                var first = One(FrenchNames.FirstNames);
                var last = One(FrenchNames.LastNames);
                var description = DemoTexts.DescriptionsByTheme.TryGetValue(_subjects[subjectId].ThemeId, out var texts) ? One(texts) : DemoTexts.FallbackDescription;
                return new NeedSubmitted(
                    needId,
                    subjectId,
                    _subjects[subjectId].Label,
                    string.Format(CultureInfo.InvariantCulture, description, LowerFirst(_subjects[subjectId].Label)),
                    new NeedCompany
                    {
                        Siret = facts.Siret,
                        Name = facts.Name,
                        CommuneCode = commune.Code,
                        CommuneName = commune.Name,
                        NafCode = facts.NafCode,
                        HeadcountBracket = facts.HeadcountBracket,
                    },
                    new NeedContact
                    {
                        FirstName = first,
                        LastName = last,
                        Email = $"{DemoGeography.Slug(first)}.{DemoGeography.Slug(last)}@entreprise.{DemoDirectoryGenerator.DomainSuffix}",
                        Phone = string.Create(CultureInfo.InvariantCulture, $"0{_random.Next(6, 8)} {_random.Next(10, 100)} {_random.Next(10, 100)} {_random.Next(10, 100)} {_random.Next(10, 100)}"),
                    },
                    advisors);
            }
        }

        private DemoCompanyProfile Profile()
        {
            var ticket = _random.Next(_profileWeights);
            foreach (var profile in DemoCompanyProfile.All)
            {
                ticket -= profile.Weight;
                if (ticket < 0)
                {
                    return profile;
                }
            }

            return DemoCompanyProfile.All[^1];
        }

        /// <summary>Three times in four a subject typical of the kind of company, else a common one; only subjects of the catalogue.</summary>
        private string Subject(DemoCompanyProfile profile)
        {
            var typical = profile.Subjects.Where(_subjects.ContainsKey).ToList();
            var common = DemoCompanyProfile.Common.Where(_subjects.ContainsKey).ToList();
            var pool = typical.Count > 0 && (_random.NextDouble() < 0.75 || common.Count == 0) ? typical : common;
            return pool.Count > 0 ? One(pool) : _subjects.Keys.Order(StringComparer.Ordinal).First();
        }

        private Commune Commune()
        {
            if (_towns.Count > 0 && _random.NextDouble() < 0.5)
            {
                return One(_towns);
            }

            var communes = _territories.CommunesOfDepartement(One(_departements));
            return communes.Count > 0 ? One(communes) : One(_towns);
        }

        private CompanyFacts Facts(DemoCompanyProfile profile, string subjectId, Commune commune, DateTimeOffset at)
        {
            var young = DemoCompanyProfile.YoungCompanySubjects.Contains(subjectId);
            var ageDays = young ? _random.Next(30, 3 * 365) : _random.Next(3 * 365, Math.Max(3 * 365 + 1, profile.MaxAgeYears * 365));
            var siret = MakeSiret(_random.Next(1_000_000, 99_999_999));
            return new CompanyFacts(
                siret,
                siret[..9],
                string.Format(CultureInfo.InvariantCulture, profile.NamePattern, One(FrenchNames.LastNames)),
                commune.Code,
                commune.Name,
                commune.PostalCodes.Count > 0 ? commune.PostalCodes[0] : null,
                profile.NafCode,
                young ? profile.HeadcountBrackets[0] : One(profile.HeadcountBrackets),
                ParisTime.Today(at).AddDays(-ageDays),
                profile.LegalFormCode,
                Active: true);
        }

        private T One<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private T Pick<T>((T Value, int Weight)[] weighted)
        {
            var ticket = _random.Next(weighted.Sum(w => w.Weight));
            foreach (var (value, weight) in weighted)
            {
                ticket -= weight;
                if (ticket < 0)
                {
                    return value;
                }
            }

            return weighted[^1].Value;
        }

        private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

        /// <summary>A SIRET with valid check digits (Luhn on the SIREN, then on the whole): SIREN of the company, establishment 00012.</summary>
        private static string MakeSiret(int company)
        {
            var siren = WithLuhnDigit(company.ToString("D8", CultureInfo.InvariantCulture));
            return WithLuhnDigit(siren + "0001");
        }

        private static string WithLuhnDigit(string digits)
        {
            for (var check = 0; check <= 9; check++)
            {
                var candidate = digits + check.ToString(CultureInfo.InvariantCulture);
                if (Luhn(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("A Luhn check digit always exists.");
        }

        private static bool Luhn(string digits)
        {
            var sum = 0;
            for (var i = 0; i < digits.Length; i++)
            {
                var digit = digits[digits.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    digit *= 2;
                    if (digit > 9)
                    {
                        digit -= 9;
                    }
                }

                sum += digit;
            }

            return sum % 10 == 0;
        }

        /// <summary>The steps of one need, at business hours, after its submission and before <see cref="Limit"/>, oldest first.</summary>
        private sealed class Script(Builder builder, DateTimeOffset start, DateTimeOffset limit)
        {
            private readonly List<DemoStep> _steps = [];

            public DateTimeOffset Start { get; } = start;

            public DateTimeOffset Limit { get; } = limit;

            public IReadOnlyList<DemoStep> Steps => [.. _steps.OrderBy(s => s.At)];

            /// <summary>A moment between <paramref name="min"/> and <paramref name="max"/> after <paramref name="after"/>, moved to business hours; never past the limit.</summary>
            public DateTimeOffset After(DateTimeOffset after, TimeSpan min, TimeSpan max)
            {
                var delay = min + TimeSpan.FromMinutes(builder._random.NextDouble() * (max - min).TotalMinutes);
                var at = BusinessCalendar.Deliver(after + delay, businessHoursOnly: true);
                at = at < Limit ? at : after + ((Limit - after) / 2);
                return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            }

            public void Add(DateTimeOffset at, NeedEvent @event) => _steps.Add(new DemoStep(at, @event));
        }
    }
}
