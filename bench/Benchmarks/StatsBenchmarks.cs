using BenchmarkDotNet.Attributes;
using ConseillersEntreprises.Core.Reports;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Benchmarks;

/// <summary>
/// Aggregating the public stats of a year: 120,000 needs (a generous yearly volume for the service) over 12
/// months, all of France and one region, as <c>GET /api/stats</c> does after reading the projection; and the annual
/// report of the same year. <see cref="WithDelays"/> compares, in one run, rows without a delay to the first take-on
/// (rows written before it was recorded: no median to compute) with rows where every need taken on has one (the
/// tallies then keep one int per need and sort it once for the median).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StatsBenchmarks
{
    private static readonly string[] Themes = ["financement", "tresorerie", "rh", "export", "numerique", "ecologie", "immobilier", "creation", "reprise", "juridique"];
    private static readonly string[] Regions = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "01", "02", "03", "04", "06"];
    private static readonly string[] Sizes = ["0-9", "10-49", "50-249", "250+", CompanySizes.Unknown];
    private static readonly string[] Sectors = ["A", "C", "F", "G", "H", "I", "J", "M", "N", "Q", "S", ActivitySections.Unknown];

    private readonly StatsQuery _year = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1));
    private NeedStatsRow[] _rows = null!;

    [Params(false, true)]
    public bool WithDelays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var months = StatsMonth.Range(_year.From, _year.To).ToArray();
        _rows = [.. Enumerable.Range(0, 120_000).Select(i => new NeedStatsRow
        {
            NeedId = $"need-{i}",
            Month = months[random.Next(months.Length)],
            ThemeId = Themes[random.Next(Themes.Length)],
            RegionCode = Regions[random.Next(Regions.Length)],
            SizeKey = Sizes[random.Next(Sizes.Length)],
            SectorKey = Sectors[random.Next(Sectors.Length)],
            Transmitted = random.NextDouble() < 0.95,
            Exchange = random.NextDouble() < 0.5,
            Helped = random.NextDouble() < 0.4,
            TakenOnWithin5Days = random.NextDouble() < 0.6,
            CompanyKey = $"{random.Next(90_000):D9}00011",
        })
        .Select(row => WithDelays && random.NextDouble() < 0.8
            ? row with { FirstTakenOnAfter = TimeSpan.FromMinutes(random.Next(14 * 24 * 60)) }
            : row)];
    }

    [Benchmark(Baseline = true)]
    public StatsReport WholeFranceYear() => StatsAggregator.Aggregate(_rows, _year, Label, Label);

    [Benchmark]
    public StatsReport OneRegionYear() => StatsAggregator.Aggregate(_rows, _year with { RegionCode = "84" }, Label, Label);

    [Benchmark]
    public AnnualReport AnnualReportYear() => AnnualReportBuilder.Build(2026, _rows, new AnnualDirectoryCounts(new DateOnly(2026, 12, 2), 40, 1_200, 10_000), RegionList);

    private static readonly (string Code, string Name)[] RegionList = [.. Regions.Select(r => (r, r))];

    private static string? Label(string key) => key;
}
