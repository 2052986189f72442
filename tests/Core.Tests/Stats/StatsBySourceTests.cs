using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Tests.Stats;

public sealed class StatsBySourceTests
{
    private static readonly StatsQuery January = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1));

    private static NeedStatsRow Row(string id, string month, string source, bool helped = false) => new()
    {
        NeedId = id, Month = month, ThemeId = "financement", RegionCode = "84", SizeKey = "0-9", SectorKey = "C",
        SourceKey = source, Transmitted = true, Exchange = helped, Helped = helped,
    };

    [Fact]
    public void Needs_are_broken_down_by_source_biggest_first_with_each_partner_named_and_the_months_count_partner_needs()
    {
        var report = StatsAggregator.Aggregate(
            [
                Row("n1", "2026-01", NeedStatsRow.PublicSite, helped: true),
                Row("n2", "2026-01", NeedStatsRow.PublicSite),
                Row("n3", "2026-01", NeedStatsRow.PublicSite),
                Row("n4", "2026-01", "cci", helped: true),
                Row("n5", "2026-02", "cci"),
                Row("n6", "2026-02", "partie"),
            ],
            January,
            _ => null,
            _ => null,
            id => id == "cci" ? "CCI Occitanie" : null);

        Assert.Equal(
            [(NeedStatsRow.PublicSite, "Site public (formulaire)", 3, 1), ("cci", "CCI Occitanie", 2, 1), ("partie", "Partenaire inconnu", 1, 0)],
            report.BySource.Select(g => (g.Key, g.Label, g.Submitted, g.Helped)));
        Assert.Equal([1, 2], report.Monthly.Select(m => m.FromPartners));
        Assert.Equal(6, report.BySource.Sum(g => g.Submitted));
    }

    [Fact]
    public void Rows_without_a_source_are_the_public_site()
    {
        var row = new NeedStatsRow { NeedId = "n", Month = "2026-01", SizeKey = "0-9", SectorKey = "C" };

        Assert.Equal(NeedStatsRow.PublicSite, row.SourceKey);
        var report = StatsAggregator.Aggregate([row], January, _ => null, _ => null);
        Assert.Equal("Site public (formulaire)", Assert.Single(report.BySource).Label);
    }
}
