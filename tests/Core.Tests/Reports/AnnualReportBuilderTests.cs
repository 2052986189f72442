using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Reports;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Core.Tests.Reports;

public sealed class AnnualReportBuilderTests
{
    private static readonly (string Code, string Name)[] Regions = [("84", "Auvergne-Rhône-Alpes"), ("75", "Nouvelle-Aquitaine")];
    private static readonly AnnualDirectoryCounts Counts = new(new DateOnly(2026, 12, 2), 3, 7, 40);

    private static NeedStatsRow Row(string id, string month, string? company, double? takenOnAfterDays = null, bool helped = false,
        string region = "84", string size = "0-9", string sector = "C", bool transmitted = true) => new()
    {
        NeedId = id, Month = month, CompanyKey = company, RegionCode = region, SizeKey = size, SectorKey = sector,
        Transmitted = transmitted, Helped = helped, Exchange = helped,
        FirstTakenOnAfter = takenOnAfterDays is { } d ? TimeSpan.FromDays(d) : null,
        TakenOnWithin5Days = takenOnAfterDays <= 5,
    };

    [Fact]
    public void The_year_counts_distinct_companies_and_needs_without_siret_as_one_company_each()
    {
        var report = AnnualReportBuilder.Build(2025,
        [
            Row("n1", "2025-01", "11111111100011", takenOnAfterDays: 1, helped: true),
            Row("n2", "2025-06", "11111111100011", takenOnAfterDays: 6),
            Row("n3", "2025-12", null, region: "75", size: "10-49", sector: "I"),
            Row("n4", "2025-12", null, takenOnAfterDays: 2, region: "75", transmitted: false),
            Row("other-year", "2024-12", "22222222200022", takenOnAfterDays: 1),
            Row("next-year", "2026-01", "33333333300033"),
        ], Counts, Regions);

        var t = report.Totals;
        Assert.Equal((3, 4, 3, 3, 1), (t.Companies, t.Needs, t.Transmitted, t.TakenOn, t.Helped));
        Assert.Equal((0.75, 0.75, 0.25), (t.TransmittedShare, t.TakenOnShare, t.HelpedShare));
        Assert.Equal(2.0, t.MedianDaysToFirstTakeOn);
        Assert.Equal(("2025-01", "2025-12"), (report.FromMonth, report.ToMonth));
        Assert.Same(Counts, report.Directory);
    }

    [Fact]
    public void Sectors_with_needs_in_nomenclature_order_every_size_and_every_region_with_zeros()
    {
        var report = AnnualReportBuilder.Build(2025,
        [
            Row("n1", "2025-03", "1", sector: "I", size: "10-49"),
            Row("n2", "2025-03", "2", sector: ActivitySections.Unknown),
            Row("n3", "2025-03", "3", sector: "C", region: "99"),
        ], Counts, Regions);

        Assert.Equal(["C", "I", ActivitySections.Unknown], report.BySector.Select(g => g.Key));
        Assert.Equal("Hébergement et restauration", report.BySector[1].Label);
        Assert.Equal(["0-9", "10-49", "50-249", "250+"], report.BySize.Select(g => g.Key));
        Assert.Equal([2, 1, 0, 0], report.BySize.Select(g => g.Figures.Needs));
        Assert.Equal(["84", "75", AnnualReportBuilder.UnknownRegion], report.ByRegion.Select(g => g.Key));
        Assert.Equal([2, 0, 1], report.ByRegion.Select(g => g.Figures.Needs));
        Assert.Null(report.ByRegion[1].Figures.TakenOnShare);
        Assert.Null(report.ByRegion[1].Figures.MedianDaysToFirstTakeOn);
    }

    [Fact]
    public void A_year_without_needs_gives_zeros_and_no_shares()
    {
        var report = AnnualReportBuilder.Build(2024, [], Counts, Regions);

        Assert.Equal(AnnualFigures.None, report.Totals);
        Assert.Null(report.Totals.HelpedShare);
        Assert.Empty(report.BySector);
        Assert.All(report.ByRegion, g => Assert.Equal(0, g.Figures.Needs));
    }

    [Fact]
    public void Old_rows_without_delay_count_as_taken_on_when_quick_but_stay_out_of_the_median()
    {
        var old = new NeedStatsRow { NeedId = "old", Month = "2025-02", SizeKey = "0-9", SectorKey = "C", RegionCode = "84", TakenOnWithin5Days = true };

        var report = AnnualReportBuilder.Build(2025, [old, Row("n1", "2025-02", "1", takenOnAfterDays: 4)], Counts, Regions);

        Assert.Equal((2, 2, 4.0), (report.Totals.Companies, report.Totals.TakenOn, report.Totals.MedianDaysToFirstTakeOn));
    }

    [Fact]
    public void The_directory_counts_institutions_antennas_and_active_advisors()
    {
        var directory = new DirectoryDocument
        {
            Institutions = [new Institution { Id = "i", Name = "I" }],
            Antennas = [new Antenna { Id = "a", InstitutionId = "i", Name = "A" }, new Antenna { Id = "b", InstitutionId = "i", Name = "B" }],
            Advisors =
            [
                new Advisor { Id = "x", AntennaId = "a", Name = "X", Email = "x@e.fr" },
                new Advisor { Id = "y", AntennaId = "a", Name = "Y", Email = "y@e.fr", Active = false },
            ],
        };

        Assert.Equal(new AnnualDirectoryCounts(new DateOnly(2026, 1, 5), 1, 2, 1), AnnualDirectoryCounts.Of(directory, new DateOnly(2026, 1, 5)));
    }
}
