using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Tests.Stats;

public sealed class StatsAggregatorTests
{
    private static readonly StatsQuery FirstQuarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1));

    private static NeedStatsRow Row(string id, string month, string theme = "financement", string region = "84", bool transmitted = true,
        bool exchange = false, bool helped = false, bool quick = false, string size = "0-9", string sector = "C") => new()
    {
        NeedId = id, Month = month, ThemeId = theme, RegionCode = region, SizeKey = size, SectorKey = sector,
        Transmitted = transmitted, Exchange = exchange, Helped = helped, TakenOnWithin5Days = quick,
    };

    private static StatsReport Aggregate(IEnumerable<NeedStatsRow> rows, StatsQuery? query = null) =>
        StatsAggregator.Aggregate(
            rows,
            query ?? FirstQuarter,
            id => id switch { "financement" => "Financement", "rh" => "Ressources humaines", _ => null },
            code => code switch { "84" => "Auvergne-Rhône-Alpes", "11" => "Île-de-France", _ => null });

    [Fact]
    public void Totals_count_each_outcome_and_give_shares_over_the_needs_submitted()
    {
        var report = Aggregate(
        [
            Row("n1", "2026-01", exchange: true, helped: true, quick: true),
            Row("n2", "2026-01", exchange: true, quick: true),
            Row("n3", "2026-02"),
            Row("n4", "2026-03", transmitted: false),
        ]);

        var t = report.Totals;
        Assert.Equal((4, 3, 2, 1, 2), (t.Submitted, t.Transmitted, t.Exchange, t.Helped, t.TakenOnWithin5Days));
        Assert.Equal((0.75, 0.5, 0.25, 0.5), (t.TransmittedShare, t.ExchangeShare, t.HelpedShare, t.TakenOnWithin5DaysShare));
        Assert.Equal(("2026-01", "2026-03"), (report.From, report.To));
    }

    [Fact]
    public void Shares_are_rounded_to_three_decimals()
    {
        var report = Aggregate([Row("n1", "2026-01", helped: true), Row("n2", "2026-01"), Row("n3", "2026-01")]);

        Assert.Equal(0.333, report.Totals.HelpedShare);
    }

    [Fact]
    public void Every_month_of_the_range_is_in_the_series_with_no_share_when_nothing_was_submitted()
    {
        var report = Aggregate([Row("n1", "2026-01"), Row("n2", "2026-03"), Row("old", "2025-12"), Row("later", "2026-04")]);

        Assert.Equal(["2026-01", "2026-02", "2026-03"], report.Monthly.Select(m => m.Month));
        Assert.Equal([1, 0, 1], report.Monthly.Select(m => m.Submitted));
        Assert.Null(report.Monthly[1].TransmittedShare);
        Assert.Equal(2, report.Totals.Submitted); // rows outside the range are ignored
    }

    [Fact]
    public void Region_and_theme_filters_keep_only_their_needs()
    {
        var rows = new[] { Row("n1", "2026-01"), Row("n2", "2026-01", region: "11"), Row("n3", "2026-02", theme: "rh") };

        Assert.Equal(2, Aggregate(rows, FirstQuarter with { RegionCode = "84" }).Totals.Submitted);
        Assert.Equal(1, Aggregate(rows, FirstQuarter with { RegionCode = "84", ThemeId = "rh" }).Totals.Submitted);
        Assert.Equal(0, Aggregate(rows, FirstQuarter with { RegionCode = "53" }).Totals.Submitted);
        Assert.Null(Aggregate(rows, FirstQuarter with { RegionCode = "53" }).Totals.HelpedShare);
    }

    [Fact]
    public void Breakdowns_hold_the_non_empty_groups_biggest_first_with_french_labels()
    {
        var report = Aggregate(
        [
            Row("n1", "2026-01", theme: "rh", region: "11", size: "10-49", sector: "I"),
            Row("n2", "2026-01", region: "11", sector: "I"),
            Row("n3", "2026-02", region: "11"),
            Row("n4", "2026-02", theme: "disparu", region: "99"),
        ]);

        Assert.Equal([("financement", "Financement", 2), ("disparu", "Autre thématique", 1), ("rh", "Ressources humaines", 1)], // ties by label
            report.ByTheme.Select(g => (g.Key, g.Label, g.Submitted)));
        Assert.Equal([("11", "Île-de-France", 3), ("99", "Région inconnue", 1)], report.ByRegion.Select(g => (g.Key, g.Label, g.Submitted)));
        Assert.Equal([("0-9", 3), ("10-49", 1)], report.BySize.Select(g => (g.Key, g.Submitted)));
        Assert.Equal([("I", "Hébergement et restauration", 2), ("C", "Industrie manufacturière", 2)], report.BySector.Select(g => (g.Key, g.Label, g.Submitted)));
    }

    [Theory]
    [InlineData("2026-01", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("1999-12", false)]
    [InlineData("janvier", false)]
    [InlineData(null, false)]
    public void Months_are_read_as_yyyy_mm(string? text, bool valid) => Assert.Equal(valid, StatsMonth.TryParse(text, out _));

    [Fact]
    public void A_range_counts_its_months_across_years()
    {
        Assert.Equal(14, StatsMonth.Count(new DateOnly(2025, 12, 1), new DateOnly(2027, 1, 1)));
        Assert.Equal(["2025-12", "2026-01"], StatsMonth.Range(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1)));
    }
}
