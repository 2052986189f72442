using System.Globalization;
using System.Text.Json;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Moderation;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.Core.Stats;
using ConseillersEntreprises.Core.Time;
using ConseillersEntreprises.DemoData;
using ConseillersEntreprises.DemoData.History;

namespace ConseillersEntreprises.Core.Tests.DemoData;

public sealed class DemoHistoryGeneratorTests
{
    private static readonly TerritoryIndex Territories = TerritoryIndex.LoadEmbedded();
    private static readonly DirectoryDocument Directory = DemoDirectory.Default(Territories);
    private static readonly DateTimeOffset Anchor = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);
    private static readonly Lazy<DemoHistory> DefaultHistory = new(() => DemoHistoryGenerator.Generate(Directory, Territories, Anchor));
    private static readonly Lazy<List<(DemoNeed Need, ReplayedNeed Replayed)>> Replayed = new(() =>
        [.. History.Past.Select(n => (n, DemoNeedReplay.Replay(n, WorkflowSchedule.Default, Anchor)))]);

    private static DemoHistory History => DefaultHistory.Value;

    [Fact]
    public void Generation_is_deterministic_and_ids_do_not_depend_on_the_anchor()
    {
        var again = DemoHistoryGenerator.Generate(Directory, Territories, Anchor);
        var later = DemoHistoryGenerator.Generate(Directory, Territories, Anchor.AddDays(20));
        var otherSeed = DemoHistoryGenerator.Generate(Directory, Territories, Anchor, seed: 7);

        Assert.Equal(Json(History), Json(again));
        Assert.Equal(History.Past.Select(n => n.NeedId).Order(), later.Past.Select(n => n.NeedId).Order());
        Assert.Equal(DemoHistoryGenerator.AnchorNeedId(), History.Open[0].NeedId);
        Assert.Empty(History.Past.Select(n => n.NeedId).Intersect(otherSeed.Past.Select(n => n.NeedId)));
    }

    [Fact]
    public void There_are_a_few_hundred_past_needs_and_a_dozen_open_ones_all_with_distinct_ids()
    {
        Assert.Equal(DemoHistoryGenerator.DefaultPastCount, History.Past.Count);
        Assert.Equal(12, History.Open.Count);
        var ids = History.Past.Select(n => n.NeedId).Concat(History.Open.Select(n => n.NeedId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^b[0-9a-f]{24}$", id));
    }

    [Fact]
    public void Past_needs_spread_over_each_of_the_twelve_months_before_the_anchor()
    {
        var byMonth = History.Past.GroupBy(n => StatsMonth.Of(n.SubmittedAt)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var anchorMonth = ParisTime.ToParis(Anchor);
        for (var back = 1; back <= 11; back++)
        {
            var month = anchorMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Assert.True(byMonth.GetValueOrDefault(month) >= 15, $"{month}: {byMonth.GetValueOrDefault(month)} needs");
        }

        Assert.All(History.Past, n => Assert.InRange(n.SubmittedAt, Anchor - DemoHistoryGenerator.Span, Anchor - DemoHistoryGenerator.Quiet));
        Assert.Equal(History.Past.OrderBy(n => n.SubmittedAt).Select(n => n.NeedId), History.Past.Select(n => n.NeedId));
    }

    [Fact]
    public void Every_need_goes_to_advisors_the_demo_directory_routes_it_to()
    {
        var routing = RoutingIndex.Build(Directory, Territories);
        foreach (var need in History.Past)
        {
            var s = need.Submission;
            Assert.NotEmpty(s.Advisors);
            var commune = Territories.FindCommune(s.Company.CommuneCode);
            Assert.NotNull(commune);
            Assert.Equal(commune.Name, s.Company.CommuneName);
            // Competent on the subject and covering the commune: kept, or left out only by a filter on the company facts
            // (not all of which the need keeps), never by territory or for having left.
            var explanation = routing.Explain(new RoutingRequest(s.SubjectId!, s.Company.CommuneCode, null, ParisTime.Today(need.SubmittedAt)));
            Assert.All(s.Advisors, a => Assert.True(
                explanation.Kept.Any(k => k.AdvisorId == a.AdvisorId) || explanation.LeftOut.Any(l => l.AdvisorId == a.AdvisorId && l.Rule == "filter"),
                $"{need.NeedId}: {a.AdvisorId} for {s.SubjectId} in {s.Company.CommuneCode}"));
        }
    }

    [Fact]
    public void Subjects_companies_and_communes_are_varied_and_consistent()
    {
        var subjects = Directory.Themes.SelectMany(t => t.Subjects).ToDictionary(s => s.Id, s => s.Label, StringComparer.Ordinal);
        var past = History.Past.Select(n => n.Submission).ToList();

        Assert.All(past, s => Assert.Equal(subjects[s.SubjectId!], s.SubjectLabel));
        Assert.True(past.Select(s => s.SubjectId).Distinct().Count() >= 30, "at least 30 of the catalogue's subjects");
        Assert.True(past.Select(s => Directory.Themes.Single(t => t.Subjects.Any(x => x.Id == s.SubjectId)).Id).Distinct().Count() == Directory.Themes.Count, "every theme");
        Assert.True(past.Select(s => s.Company.CommuneCode).Distinct().Count() >= 100, "communes all over France");
        Assert.True(past.Select(s => Territories.FindCommune(s.Company.CommuneCode)!.RegionCode).Distinct().Count() >= 13, "every metropolitan région");
        Assert.True(past.Select(s => s.Company.NafCode).Distinct().Count() >= 10, "many sectors");
        Assert.All(past, s =>
        {
            Assert.True(ConseillersEntreprises.Core.Companies.Siret.IsValid(s.Company.Siret), s.Company.Siret);
            Assert.False(string.IsNullOrWhiteSpace(s.Company.Name));
            Assert.False(string.IsNullOrWhiteSpace(s.Company.HeadcountBracket));
            Assert.True(s.Description.Length >= 40, s.Description);
            Assert.EndsWith("@entreprise." + DemoDirectoryGenerator.DomainSuffix, s.Contact.Email, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Outcomes_mix_mostly_helped_with_some_refused_abandoned_and_cancelled()
    {
        var shares = History.Past.GroupBy(n => n.Outcome).ToDictionary(g => g.Key, g => (double)g.Count() / History.Past.Count);

        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.Helped), 0.45, 0.70);
        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.NoHelp), 0.05, 0.20);
        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.NotReachable), 0.02, 0.12);
        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.RefusedByAll), 0.05, 0.16);
        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.Abandoned), 0.06, 0.20);
        Assert.InRange(shares.GetValueOrDefault(DemoOutcome.Cancelled), 0.02, 0.10);
        Assert.All(History.Past.Where(n => n.Outcome == DemoOutcome.Abandoned), n => Assert.True(Anchor - n.SubmittedAt >= DemoHistoryGenerator.AbandonableAfter));
    }

    [Fact]
    public void Replaying_each_past_need_through_the_decider_ends_in_its_outcome()
    {
        foreach (var (need, replayed) in Replayed.Value)
        {
            var state = replayed.State;
            var expected = need.Outcome switch
            {
                DemoOutcome.Helped => NeedStatus.Done,
                DemoOutcome.NoHelp => NeedStatus.DoneNoHelp,
                DemoOutcome.NotReachable => NeedStatus.DoneNotReachable,
                DemoOutcome.RefusedByAll => NeedStatus.NotForMe,
                DemoOutcome.Abandoned => NeedStatus.Abandoned,
                DemoOutcome.Cancelled => NeedStatus.Cancelled,
                _ => throw new InvalidOperationException(need.Outcome.ToString()),
            };
            Assert.True(expected == state.Status, $"{need.NeedId} ({need.Outcome}): {state.Status}");
            Assert.Equal(need.SubmittedAt, state.CreatedAt);
            Assert.True(replayed.Decisions >= 1 + need.Steps.Count, "the submission and every step decided");
            // Nothing of the history is waiting for an advisor: only the open needs are.
            Assert.DoesNotContain(state.Matches, m => m.Status is MatchStatus.Quo or MatchStatus.TakingCare && !state.IsCancelled);
            Assert.All(need.Steps, s => Assert.InRange(s.At, need.SubmittedAt, Anchor));
        }
    }

    [Fact]
    public void Replays_fill_the_abandoned_and_refused_baskets_and_none_leaves_a_past_timer_pending()
    {
        var replayed = Replayed.Value;
        Assert.Contains(replayed, r => r.Replayed.Alerts.Any(a => a.Alert.Basket == OperatorBasket.Abandoned) && OperatorBasketRules.StillApplies(OperatorBasket.Abandoned, r.Replayed.State));
        Assert.Contains(replayed, r => r.Replayed.Alerts.Any(a => a.Alert.Basket == OperatorBasket.Refused) && OperatorBasketRules.StillApplies(OperatorBasket.Refused, r.Replayed.State));
        Assert.All(replayed, r => Assert.DoesNotContain(r.Replayed.State.Timers, t => t.DueAt <= Anchor));
        Assert.All(replayed.Where(r => r.Need.Outcome == DemoOutcome.Abandoned), r =>
        {
            Assert.NotNull(r.Replayed.State.Timeline.ReminderSentAt);
            Assert.NotNull(r.Replayed.State.Timeline.LastChanceSentAt);
            Assert.All(r.Replayed.State.Matches, m => Assert.Equal(MatchStatus.Expired, m.Status));
        });
    }

    [Fact]
    public void The_statistics_of_the_history_look_like_a_living_service()
    {
        var rows = Replayed.Value.Select(r => NeedStatsRow.Of(r.Replayed.State, null, null)).OfType<NeedStatsRow>().ToList();

        var helped = (double)rows.Count(r => r.Helped) / rows.Count;
        var quickly = (double)rows.Count(r => r.TakenOnWithin5Days) / rows.Count;
        Assert.InRange(helped, 0.45, 0.75);
        Assert.InRange(quickly, 0.45, 0.85);
        Assert.All(rows, r => Assert.True(r.Transmitted));
        Assert.Contains(Replayed.Value, r => r.Replayed.State.Satisfaction is not null);
        Assert.Contains(Replayed.Value, r => r.Replayed.State.Comments.Count > 0);
    }

    [Fact]
    public void Open_needs_are_submitted_at_the_anchor_routed_and_have_no_past()
    {
        var outside = History.Open[DemoHistoryGenerator.OutsideCatalogueOpenIndex];
        Assert.All(History.Open.Where(s => s != outside), s => Assert.NotEmpty(s.Advisors));
        Assert.DoesNotContain(History.Open, s => History.Past.Any(p => p.NeedId == s.NeedId));

        // One company without SIRET (named by its project, routed on its commune) and one need outside the catalogue.
        var unregistered = History.Open[DemoHistoryGenerator.UnregisteredOpenIndex];
        Assert.Null(unregistered.Company.Siret);
        Assert.StartsWith("Projet de reprise", unregistered.Company.Name, StringComparison.Ordinal);
        Assert.Equal((null, NeedState.OutsideCatalogueLabel), (outside.SubjectId, outside.SubjectLabel));
        Assert.Empty(outside.Advisors);
        Assert.Equal(2, History.Open.Count(s => s.SubjectId is null || s.Company.Siret is null));
    }

    [Fact]
    public void Two_open_needs_wait_in_the_review_basket_one_sent_too_fast_one_a_duplicate_of_the_first()
    {
        var tooFast = History.Open[DemoHistoryGenerator.TooFastOpenIndex];
        var duplicate = History.Open[DemoHistoryGenerator.DuplicateOpenIndex];

        Assert.Equal([HoldReason.FilledTooFast], tooFast.HoldReasons);
        Assert.Equal([HoldReason.DuplicateSiret, HoldReason.DuplicateEmail], duplicate.HoldReasons);
        Assert.Equal((History.Open[0].SubjectId, History.Open[0].Company.Siret, History.Open[0].Contact.Email),
            (duplicate.SubjectId, duplicate.Company.Siret, duplicate.Contact.Email));
        Assert.NotEqual(History.Open[0].NeedId, duplicate.NeedId);
        Assert.Equal(2, History.Open.Count(s => s.HoldReasons.Count > 0));
        Assert.True(NeedDecider.Decide(null, duplicate, DateTimeOffset.UnixEpoch, new WorkflowSchedule()) is Accepted { State.IsHeld: true });
    }

    private static string Json(DemoHistory history) => JsonSerializer.Serialize(history, NeedJson.Options);
}
